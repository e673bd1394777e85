package im.magpie.client.cli;

import im.magpie.client.ClientOptions;
import im.magpie.client.ConnectionState;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.UserRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** What every command does first: open the client, resume and sync; and blocking waits with one timeout. */
final class CliSession implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(10);

    private final MagpieClient client;
    private final Duration connectTimeout;

    private CliSession(MagpieClient client, Duration connectTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
    }

    static CliSession open(MagpieCli cli, PrintWriter err) throws IOException {
        ClientOptions options = ClientOptions.defaults(MagpieCli.AGENT, "cli", (server, fingerprint) -> {
                    err.println("First contact with " + server + ". Server certificate SHA-256:");
                    err.println("  " + fingerprint);
                    err.println("Pinned; a different certificate will be refused from now on.");
                    err.flush();
                    return true;
                })
                .withRequiredFingerprint(cli.fingerprint);
        return new CliSession(
                MagpieClient.open(cli.dataDir(), cli.server, options),
                Duration.ofSeconds(Math.max(1, cli.connectTimeoutSeconds)));
    }

    static String deviceName() {
        try {
            return "magpie-cli@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "magpie-cli";
        }
    }

    MagpieClient client() {
        return client;
    }

    /**
     * Resumes the remembered session and syncs, like {@link #connect()}; when the server cannot be
     * reached, returns false instead of failing, with the local store open for offline work.
     */
    boolean connectOrStayOffline() throws CliException {
        try {
            connect();
            return true;
        } catch (UnreachableServerException e) {
            if (client.userId() == 0) {
                throw e; // no session at all: nothing to work on offline
            }
            return false;
        }
    }

    /** Resumes the remembered session and syncs. */
    CliSession connect() throws CliException {
        try {
            await(client.resume(deviceName()), connectTimeout);
        } catch (CliException e) {
            Optional<Throwable> last = client.lastConnectError();
            if (last.isPresent() && e.getMessage() != null && e.getMessage().startsWith("timed out")) {
                throw new UnreachableServerException("cannot reach the server: " + ErrorMessages.describe(last.get()));
            }
            throw e;
        }
        await(client.sync());
        return this;
    }

    <T> T await(CompletableFuture<T> future) throws CliException {
        return await(future, TIMEOUT);
    }

    <T> T await(CompletableFuture<T> future, Duration timeout) throws CliException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        } catch (ExecutionException e) {
            throw new CliException(ErrorMessages.describe(e));
        } catch (TimeoutException e) {
            throw new CliException("timed out waiting for the server");
        }
    }

    /** The account name of a user id, asking the server when it is not cached. */
    String account(long userId) {
        Optional<UserRecord> cached = client.cachedUser(userId);
        if (cached.isPresent()) {
            return cached.get().account();
        }
        try {
            List<UserRecord> users = await(client.users(List.of(userId)), Duration.ofSeconds(5));
            return users.isEmpty() ? "user#" + userId : users.get(0).account();
        } catch (CliException e) {
            return "user#" + userId;
        }
    }

    /** The conversation named by exactly one of the options. */
    long conversation(@Nullable String with, @Nullable Long id, boolean self) throws CliException {
        int given = (with != null ? 1 : 0) + (id != null ? 1 : 0) + (self ? 1 : 0);
        if (given != 1) {
            throw new CliException("name exactly one conversation", 2);
        }
        if (id != null) {
            return id;
        }
        if (with != null) {
            return await(client.openDirect(with)).id();
        }
        return await(client.openSelf()).id();
    }

    /**
     * The conversation named by exactly one of the options, from what this device already knows
     * (no server): a direct conversation with {@code with}, the group {@code id}, or the file
     * transfer assistant.
     */
    long localConversation(@Nullable String with, @Nullable Long id, boolean self) throws CliException {
        Optional<ConversationRecord> found;
        if (id != null) {
            found = client.conversation(id);
        } else if (self) {
            found = client.conversations().stream()
                    .filter(c -> c.kind().equals("SELF"))
                    .findFirst();
        } else if (with != null) {
            found = client.conversations().stream()
                    .filter(c -> c.kind().equals("DIRECT") && hasMember(c, with))
                    .findFirst();
        } else {
            throw new CliException("name exactly one conversation", 2);
        }
        return found.filter(ConversationRecord::active)
                .orElseThrow(() -> new CliException(
                        "cannot reach the server, and this device does not know that conversation yet"))
                .id();
    }

    private boolean hasMember(ConversationRecord conversation, String account) {
        return conversation.members().stream()
                .anyMatch(m -> m.userId() != client.userId()
                        && client.cachedUser(m.userId())
                                .map(u -> u.account().equalsIgnoreCase(account))
                                .orElse(false));
    }

    /** Gives messages queued earlier (offline) a moment to go out before the command exits. */
    @Override
    public void close() {
        try {
            if (client.connectionState() == ConnectionState.ONLINE
                    && !client.pendingMessages().isEmpty()) {
                client.awaitFlushed(FLUSH_ON_EXIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    /** The server did not answer within the timeout (the session itself is fine). */
    static final class UnreachableServerException extends CliException {
        UnreachableServerException(String message) {
            super(message);
        }
    }
}
