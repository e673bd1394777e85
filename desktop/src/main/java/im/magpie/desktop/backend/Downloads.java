package im.magpie.desktop.backend;

import im.magpie.client.MagpieClient;
import im.magpie.client.Transfer;
import im.magpie.client.store.EntryRecord;
import im.magpie.desktop.chat.Content;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.MessageBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Saves the file of a message, or every file of a folder message as the same tree below the target. */
final class Downloads {
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private final MagpieClient client;
    private final Executor reader;

    Downloads(MagpieClient client, Executor reader) {
        this.client = client;
        this.reader = reader;
    }

    CompletableFuture<Path> download(long conversationId, long seq, Path target, Transfer transfer) {
        return CompletableFuture.supplyAsync(() -> body(conversationId, seq), reader)
                .thenCompose(body -> save(body, target, transfer, conversationId + "-" + seq));
    }

    /** Saves into {@code folder} under the message's own name, numbered ("a (1).txt") when that name is taken. */
    CompletableFuture<Path> receive(long conversationId, long seq, Path folder, Transfer transfer) {
        return receive(conversationId, seq, folder, transfer, false);
    }

    /**
     * As {@link #receive(long, long, Path, Transfer)}; with {@code once}, a file or folder with the same content
     * (sizes and SHA-256) already under the name or one of its numbered names is not saved again: its path is the
     * result.
     */
    CompletableFuture<Path> receive(long conversationId, long seq, Path folder, Transfer transfer, boolean once) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            MessageBody body = body(conversationId, seq);
                            String name = body.hasFolder()
                                    ? body.getFolder().getName()
                                    : body.getFile().getName();
                            try {
                                Files.createDirectories(folder);
                                Path target = FreeNames.in(folder, name, p -> once && SameContent.as(body, p));
                                return new Named(body, target, Files.exists(target));
                            } catch (IOException e) {
                                throw new CompletionException(e);
                            }
                        },
                        reader)
                .thenCompose(n -> n.there
                        ? CompletableFuture.completedFuture(n.target)
                        : save(n.body, n.target, transfer, conversationId + "-" + seq));
    }

    private record Named(MessageBody body, Path target, boolean there) {}

    /** {@code message}: names the folder's staging directory, so a restart resumes the same one. */
    private CompletableFuture<Path> save(MessageBody body, Path target, Transfer transfer, String message) {
        return switch (body.getContentCase()) {
            case FILE -> client.downloadFile(body.getFile(), target, transfer);
            case FOLDER -> folder(body, target, transfer, message);
            default -> CompletableFuture.failedFuture(new NoSuchElementException("not a file message"));
        };
    }

    /**
     * The image of a file message in {@code cacheDir}, named by its SHA-256 (downloaded once, verified); a file that is
     * not an image is refused.
     */
    CompletableFuture<Path> cachedImage(long conversationId, long seq, Path cacheDir, Transfer transfer) {
        return CompletableFuture.supplyAsync(() -> body(conversationId, seq), reader)
                .thenCompose(body -> {
                    FileContent f = body.getFile();
                    if (!body.hasFile() || !Content.Image.shows(f.getMediaType(), f.getName())) {
                        return CompletableFuture.failedFuture(new NoSuchElementException("not an image message"));
                    }
                    String sha = f.getSha256().toLowerCase(java.util.Locale.ROOT);
                    if (!SHA256.matcher(sha).matches()) { // the sender wrote it: never a path
                        return CompletableFuture.failedFuture(new IOException("bad SHA-256 in image message"));
                    }
                    String name = sha + extension(f.getName());
                    Path target = cacheDir.resolve(name);
                    if (Files.isRegularFile(target)) {
                        return CompletableFuture.completedFuture(target);
                    }
                    return client.downloadFile(f, target, transfer);
                });
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z]{1,5}") ? ext : "";
    }

    private MessageBody body(long conversationId, long seq) {
        EntryRecord e = client.entry(conversationId, seq)
                .orElseThrow(() -> new NoSuchElementException("no message " + conversationId + "#" + seq));
        try {
            return MessageBody.parseFrom(e.body());
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new CompletionException(ex);
        }
    }

    /**
     * Files one after the other, each below a hidden staging directory beside {@code target} that is moved into place
     * whole once the last file is in, so the folder never shows up half received (under a numbered name when the
     * target was taken meanwhile); paths leaving the folder are refused.
     */
    private CompletableFuture<Path> folder(MessageBody body, Path target, Transfer transfer, String message) {
        Path root = target.toAbsolutePath().normalize();
        Path parent = root.getParent();
        if (parent == null) {
            return CompletableFuture.failedFuture(new IOException("no folder to save " + root + " in"));
        }
        Path staging = parent.resolve("." + root.getFileName() + "." + message + ".part");
        CompletableFuture<Path> chain = CompletableFuture.completedFuture(staging);
        for (FolderEntry entry : body.getFolder().getEntriesList()) {
            Path file = staging.resolve(entry.getPath()).normalize();
            if (!file.startsWith(staging) || file.equals(staging)) {
                return CompletableFuture.failedFuture(new IOException("unsafe path in folder: " + entry.getPath()));
            }
            chain = chain.thenCompose(ignored -> {
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
                return client.downloadFile(entry.getFile(), file, transfer);
            });
        }
        return chain.thenApply(last -> publish(staging, parent, root));
    }

    private static Path publish(Path staging, Path parent, Path root) {
        try {
            Files.createDirectories(staging); // a folder without files arrives empty
            Path free = Files.exists(root) ? FreeNames.in(parent, String.valueOf(root.getFileName())) : root;
            return Files.move(staging, free, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
