package im.magpie.client;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.net.ApiClient;
import im.magpie.client.net.ApiException;
import im.magpie.client.net.UploadedFile;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.sync.LogEntries;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.HistoryRequest;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MarkReadRequest;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.Quote;
import im.magpie.protocol.v1.ReadReceiptsRequest;
import im.magpie.protocol.v1.ReadReceiptsResponse;
import im.magpie.protocol.v1.RecallMessageRequest;
import im.magpie.protocol.v1.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/** Sending, recalling, read marks, history and files for one session. */
final class Messaging {
    /** Longest text message (protocol: 8,000 characters). */
    static final int MAX_TEXT_CHARS = 8000;
    /** Most files in one folder message. */
    static final int MAX_FOLDER_FILES = 10_000;

    private final ClientSession session;
    private final ClientRuntime rt;

    Messaging(ClientSession session, ClientRuntime rt) {
        this.session = session;
        this.rt = rt;
    }

    String sendText(long conversationId, OutgoingText out) {
        String text = out.text();
        if (text.isBlank() || text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("a text message has 1.." + MAX_TEXT_CHARS + " characters");
        }
        MessageBody.Builder body = MessageBody.newBuilder()
                .setText(TextContent.newBuilder().setText(text))
                .addAllMentionUserIds(out.mentionUserIds())
                .setMentionAll(out.mentionAll());
        QuotedMessage quote = out.quote();
        if (quote != null) {
            body.setQuote(Quote.newBuilder()
                    .setSeq(quote.seq())
                    .setSenderUserId(quote.senderUserId())
                    .setExcerpt(quote.excerpt()));
        }
        return session.outbox().enqueue(conversationId, body.build());
    }

    /**
     * Queues the content of a stored message (text, file, picture or folder: files by reference, nothing is uploaded
     * again) to each target conversation, marked as forwarded; mentions and quotes stay behind. Returns the client
     * message ids in target order.
     */
    List<String> forward(long conversationId, long seq, List<Long> targetConversationIds) {
        EntryRecord entry = session.store()
                .entries()
                .find(conversationId, seq)
                .filter(e -> e.isMessage() && !e.recalled())
                .orElseThrow(() ->
                        new IllegalArgumentException("no message at " + conversationId + "#" + seq + " to forward"));
        MessageBody original;
        try {
            original = MessageBody.parseFrom(entry.body());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("message " + conversationId + "#" + seq + " is unreadable", e);
        }
        MessageBody.Builder copy = MessageBody.newBuilder().setForwarded(true);
        switch (original.getContentCase()) {
            case TEXT -> copy.setText(original.getText());
            case FILE -> copy.setFile(original.getFile());
            case FOLDER -> copy.setFolder(original.getFolder());
            case CONTENT_NOT_SET ->
                throw new IllegalArgumentException("message " + conversationId + "#" + seq + " has no content");
        }
        MessageBody body = copy.build();
        List<String> ids = new ArrayList<>();
        for (long target : targetConversationIds) {
            ids.add(session.outbox().enqueue(target, body));
        }
        return ids;
    }

    CompletableFuture<String> sendFile(long conversationId, Path file, Transfer transfer) {
        return session.api()
                .thenApplyAsync(
                        api -> {
                            transfer.expect(size(file));
                            return fileContent(upload(api, file, transfer));
                        },
                        rt.io())
                .thenApply(fc -> session.outbox()
                        .enqueue(
                                conversationId,
                                MessageBody.newBuilder().setFile(fc).build()));
    }

    CompletableFuture<String> sendFolder(long conversationId, Path dir, Transfer transfer) {
        return session.api()
                .thenApplyAsync(api -> folderContent(api, dir, transfer), rt.io())
                .thenApply(folder -> session.outbox()
                        .enqueue(
                                conversationId,
                                MessageBody.newBuilder().setFolder(folder).build()));
    }

    CompletableFuture<Path> downloadFile(FileContent file, Path target, Transfer transfer) {
        return session.api()
                .thenApplyAsync(
                        api -> {
                            try {
                                Path parent = target.toAbsolutePath().getParent();
                                if (parent != null) {
                                    Files.createDirectories(parent);
                                }
                                transfer.expect(file.getSize());
                                api.download(file.getFileId(), file.getSha256(), target, transfer);
                                return target;
                            } catch (IOException | ApiException e) {
                                throw new CompletionException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new CompletionException(e);
                            }
                        },
                        rt.io());
    }

    CompletableFuture<Void> recall(long conversationId, long seq) {
        return session.request(
                        Envelope.newBuilder()
                                .setRecallMessage(RecallMessageRequest.newBuilder()
                                        .setConversationId(conversationId)
                                        .setSeq(seq)),
                        Envelope.BodyCase.ACK)
                .thenCompose(ack -> session.syncEngine().sync());
    }

    CompletableFuture<Void> markRead(long conversationId, long seq) {
        return session.request(
                        Envelope.newBuilder()
                                .setMarkRead(MarkReadRequest.newBuilder()
                                        .setConversationId(conversationId)
                                        .setSeq(seq)),
                        Envelope.BodyCase.ACK)
                .thenApply(ack -> null);
    }

    CompletableFuture<ReadReceiptsResponse> readReceipts(long conversationId, long seq) {
        return session.request(
                        Envelope.newBuilder()
                                .setReadReceipts(ReadReceiptsRequest.newBuilder()
                                        .setConversationId(conversationId)
                                        .setSeq(seq)),
                        Envelope.BodyCase.READ_RECEIPTS_RESULT)
                .thenApply(Envelope::getReadReceiptsResult);
    }

    /**
     * Up to {@code limit} entries below {@code beforeSeq}, oldest first: from the local store, and when it runs out,
     * older pages from the server (stored locally as they arrive). When the server cannot be asked (offline), the
     * entries this device has are the page; with none, the failure is the answer (so the caller may ask again later).
     */
    CompletableFuture<List<EntryRecord>> history(long conversationId, long beforeSeq, int limit) {
        List<EntryRecord> local = session.store().entries().page(conversationId, beforeSeq, limit);
        long oldest = local.isEmpty() ? beforeSeq : local.get(0).seq();
        if (local.size() >= limit || oldest <= 1) {
            return CompletableFuture.completedFuture(local);
        }
        HistoryRequest req = HistoryRequest.newBuilder()
                .setConversationId(conversationId)
                .setBeforeSeq(oldest == Long.MAX_VALUE ? 0 : oldest)
                .setLimit(Math.min(200, limit))
                .build();
        CompletableFuture<List<EntryRecord>> fromServer = session.request(
                        Envelope.newBuilder().setHistory(req), Envelope.BodyCase.HISTORY_RESULT)
                .thenApplyAsync(
                        e -> {
                            for (LogEntry entry : e.getHistoryResult().getEntriesList()) {
                                session.store().entries().upsert(LogEntries.toRecord(entry));
                            }
                            return session.store().entries().page(conversationId, beforeSeq, limit);
                        },
                        rt.callbacks());
        return local.isEmpty() ? fromServer : fromServer.exceptionally(offline -> local);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static UploadedFile upload(ApiClient api, Path file, Transfer transfer) {
        try {
            String type = Files.probeContentType(file);
            return api.upload(file, type == null ? "" : type, transfer);
        } catch (IOException | ApiException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static FileContent fileContent(UploadedFile u) {
        return FileContent.newBuilder()
                .setFileId(u.fileId())
                .setName(u.name())
                .setSize(u.size())
                .setSha256(u.sha256())
                .setMediaType(u.mediaType())
                .build();
    }

    private static FolderContent folderContent(ApiClient api, Path dir, Transfer transfer) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .sorted()
                    .limit(MAX_FOLDER_FILES + 1L)
                    .forEach(files::add);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
        if (files.size() > MAX_FOLDER_FILES) {
            throw new IllegalArgumentException("a folder message holds at most " + MAX_FOLDER_FILES + " files");
        }
        FolderContent.Builder folder = FolderContent.newBuilder().setName(String.valueOf(dir.getFileName()));
        transfer.expect(files.stream().mapToLong(Messaging::size).sum());
        for (Path f : files) {
            String relative = dir.relativize(f).toString().replace('\\', '/');
            folder.addEntries(
                    FolderEntry.newBuilder().setPath(relative).setFile(fileContent(upload(api, f, transfer))));
        }
        return folder.build();
    }
}
