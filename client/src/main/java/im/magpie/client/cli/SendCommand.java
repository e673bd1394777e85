package im.magpie.client.cli;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.OutboxRecord;
import im.magpie.client.store.OutboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", description = "Send a text, a file or a folder to a person, a group or yourself.")
final class SendCommand extends CliCommand {
    @Option(names = "--to", paramLabel = "ACCOUNT", description = "Direct conversation with this account.")
    @Nullable
    String to;

    @Option(names = "--group", paramLabel = "ID", description = "Group conversation id.")
    @Nullable
    Long group;

    @Option(names = "--self", description = "Your file transfer assistant.")
    boolean self;

    @Option(names = "--file", paramLabel = "PATH")
    @Nullable
    Path file;

    @Option(names = "--folder", paramLabel = "DIR")
    @Nullable
    Path folder;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for acknowledgements (30).")
    int waitSeconds = 30;

    @Parameters(paramLabel = "TEXT", arity = "0..*")
    List<String> text = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (file == null && folder == null && text.isEmpty()) {
            throw new CliException("nothing to send: give TEXT, --file or --folder", 2);
        }
        CliSession session = CliSession.open(cli(), err());
        try (session) {
            if (!session.connectOrStayOffline()) {
                return queueWhileOffline(session);
            }
            MagpieClient client = session.client();
            long conversation = session.conversation(to, group, self);
            List<String> ids = new ArrayList<>();
            Duration transfer = Duration.ofMinutes(30);
            if (file != null) {
                ids.add(session.await(client.sendFile(conversation, file), transfer));
            }
            if (folder != null) {
                ids.add(session.await(client.sendFolder(conversation, folder), transfer));
            }
            if (!text.isEmpty()) {
                ids.add(client.sendText(conversation, String.join(" ", text), List.of()));
            }
            client.awaitFlushed(Duration.ofSeconds(waitSeconds));
            return report(client, conversation, ids);
        }
    }

    /** The server is unreachable: a text waits in the outbox and goes out with the next command that connects. */
    private int queueWhileOffline(CliSession session) throws CliException {
        if (file != null || folder != null) {
            throw new CliException("cannot reach the server: files and folders are sent only while connected");
        }
        long conversation = session.localConversation(to, group, self);
        session.client().sendText(conversation, String.join(" ", text), List.of());
        throw new CliException(
                "cannot reach the server; the message is queued on this device and is sent by the next command"
                        + " that reaches it",
                3);
    }

    private int report(MagpieClient client, long conversation, List<String> ids) throws CliException {
        for (String id : ids) {
            OutboxRecord r = client.outboxMessage(id).orElseThrow();
            if (r.state() == OutboxState.FAILED) {
                throw new CliException("the server refused the message: " + r.failureCode());
            }
            if (r.state() == OutboxState.PENDING) {
                throw new CliException(
                        "not acknowledged yet; the message stays queued and is sent by the next command", 3);
            }
            out().println("sent to conversation " + conversation + " as #" + r.seq());
        }
        return 0;
    }
}
