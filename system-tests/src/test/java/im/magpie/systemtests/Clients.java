package im.magpie.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.ClientOptions;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.EntryRecord;
import im.magpie.protocol.v1.MessageBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real client-library instances for system tests: one data directory each, all closed at the end. */
final class Clients implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final String serverAddress;
    private final List<MagpieClient> open = new ArrayList<>();
    private final IdentityHashMap<MagpieClient, Path> dirs = new IdentityHashMap<>();
    private int created;

    Clients(Path root, String serverAddress) {
        this.root = root;
        this.serverAddress = serverAddress;
    }

    /** A client in a new data directory, logged in. */
    MagpieClient loggedIn(String account, String password, String deviceName) {
        Path dir = root.resolve(account + "-" + deviceName + "-" + ++created);
        MagpieClient client = open(dir);
        await(client.login(account, password, deviceName));
        return client;
    }

    /** A client on an existing data directory (the same device again), resumed with its stored token. */
    MagpieClient resumed(Path dir, String deviceName) {
        MagpieClient client = open(dir);
        await(client.resume(deviceName));
        return client;
    }

    /** The data directory of a client made here. */
    Path dirOf(MagpieClient client) {
        return Objects.requireNonNull(dirs.get(client), "not made by these Clients");
    }

    private MagpieClient open(Path dir) {
        try {
            Files.createDirectories(dir);
            MagpieClient client = MagpieClient.open(
                    dir, serverAddress, ClientOptions.defaults("magpie-system-tests/0.1.0", "test", (a, f) -> true));
            open.add(client);
            dirs.put(client, dir);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("client call failed", e);
        }
    }

    /** The text of a stored message entry ("" for non-text or recalled messages). */
    static String text(EntryRecord entry) {
        try {
            return entry.isMessage()
                    ? MessageBody.parseFrom(entry.body()).getText().getText()
                    : "";
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("stored body is not a MessageBody: " + entry, e);
        }
    }

    static MessageBody body(EntryRecord entry) {
        try {
            assertThat(entry.isMessage()).as("%s is a message", entry).isTrue();
            return MessageBody.parseFrom(entry.body());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("stored body is not a MessageBody: " + entry, e);
        }
    }

    /** Texts of every message in the conversation, oldest first. */
    static List<String> texts(MagpieClient client, long conversationId) {
        return client.messages(conversationId, Long.MAX_VALUE, 10_000).stream()
                .filter(EntryRecord::isMessage)
                .map(Clients::text)
                .toList();
    }

    @Override
    public void close() {
        for (MagpieClient client : open) {
            client.close();
        }
        open.clear();
    }
}
