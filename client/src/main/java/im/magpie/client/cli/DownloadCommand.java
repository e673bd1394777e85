package im.magpie.client.cli;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.EntryRecord;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.MessageBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "download", description = "Download the file or folder of a message.")
final class DownloadCommand extends CliCommand {
    private static final Duration TRANSFER = Duration.ofMinutes(30);

    @Option(names = "--conversation", required = true, paramLabel = "ID")
    long conversation;

    @Option(names = "--seq", required = true, paramLabel = "N")
    long seq;

    @Option(names = "--to", required = true, paramLabel = "PATH", description = "Target file, or a directory.")
    Path to = Path.of(".");

    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            MagpieClient client = session.client();
            EntryRecord e = client.entry(conversation, seq)
                    .orElseThrow(() -> new CliException("no message " + conversation + "#" + seq + " here"));
            if (!e.isMessage() || e.recalled()) {
                throw new CliException(conversation + "#" + seq + " is not a message with a file");
            }
            MessageBody body = MessageBody.parseFrom(e.body());
            switch (body.getContentCase()) {
                case FILE -> {
                    FileContent f = body.getFile();
                    Path target = Files.isDirectory(to) ? to.resolve(safeName(f.getName())) : to;
                    out().println(session.await(client.downloadFile(f, target), TRANSFER));
                }
                case FOLDER -> {
                    Path root = to.resolve(safeName(body.getFolder().getName()));
                    for (FolderEntry entry : body.getFolder().getEntriesList()) {
                        Path target = root.resolve(entry.getPath()).normalize();
                        if (!target.startsWith(root) || entry.getPath().contains("..")) {
                            throw new CliException("refusing unsafe path in folder: " + entry.getPath());
                        }
                        session.await(client.downloadFile(entry.getFile(), target), TRANSFER);
                    }
                    out().println(root);
                }
                default -> throw new CliException(conversation + "#" + seq + " is not a file or folder message");
            }
            return 0;
        }
    }

    private static String safeName(String name) throws CliException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new CliException("refusing unsafe file name: " + name);
        }
        return name;
    }
}
