package im.magpie.client.net;

import im.magpie.protocol.v1.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a session connected: whenever the connection closes it reconnects (and resumes with the token, which the
 * {@code connector} does) after a {@link Backoff} delay. A kick, an {@code INVALID_TOKEN}/{@code ACCOUNT_DISABLED}
 * reply or a changed server certificate ends the session: no more reconnects, and listeners hear "session ended".
 *
 * <p>All state changes run on {@code scheduler}, a single-threaded executor.
 */
public final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    private final Supplier<CompletableFuture<GatewayConnection>> connector;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private @Nullable GatewayConnection current;
    private int failures;
    private boolean stopped;
    private boolean ended;
    private boolean connecting;

    public Reconnector(
            Supplier<CompletableFuture<GatewayConnection>> connector,
            Backoff backoff,
            ScheduledExecutorService scheduler,
            Listener listener) {
        this.connector = connector;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Starts keeping the session up, adopting {@code established} when a connection is already logged in. */
    public void start(@Nullable GatewayConnection established) {
        scheduler.execute(() -> {
            if (established != null && established.isOpen()) {
                adopt(established);
            } else {
                attempt();
            }
        });
    }

    /** The logged-in connection, when there is one now. */
    public Optional<GatewayConnection> current() {
        GatewayConnection c = current;
        return c != null && c.isOpen() ? Optional.of(c) : Optional.empty();
    }

    /** Stops reconnecting and closes the connection (logout, shutdown). */
    public void stop() {
        scheduler.execute(() -> {
            stopped = true;
            closeCurrent();
        });
    }

    /** The server ended the session (kick): no more reconnects. */
    public void endSession(String reason) {
        scheduler.execute(() -> end(reason));
    }

    /** Reconnects at once if the connection is down and waiting for its backoff (e.g. the network came back). */
    public void reconnectNow() {
        scheduler.execute(() -> {
            if (current == null && !connecting && !stopped && !ended) {
                attempt();
            }
        });
    }

    private void attempt() {
        if (stopped || ended || connecting) {
            return;
        }
        connecting = true;
        listener.onConnecting();
        CompletableFuture<GatewayConnection> f;
        try {
            f = connector.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        var unused = f.whenCompleteAsync(this::connected, scheduler);
    }

    private void connected(@Nullable GatewayConnection c, @Nullable Throwable error) {
        connecting = false;
        if (c == null) {
            Throwable cause = unwrap(error);
            String fatal = fatalReason(cause);
            if (fatal != null) {
                end(fatal);
            } else {
                log.debug("connect failed: {}", String.valueOf(cause));
                listener.onConnectFailed(cause == null ? new IllegalStateException("connect failed") : cause);
                scheduleRetry();
            }
            return;
        }
        if (stopped || ended) {
            c.close();
            return;
        }
        failures = 0;
        adopt(c);
    }

    private void adopt(GatewayConnection c) {
        current = c;
        var unused = c.closeFuture().thenRunAsync(() -> closed(c), scheduler);
        listener.onConnected(c);
    }

    private void closed(GatewayConnection c) {
        if (current != c) {
            return;
        }
        current = null;
        if (!stopped && !ended) {
            listener.onDisconnected();
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        if (stopped || ended) {
            return;
        }
        Duration delay = backoff.delay(failures++);
        var unused = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        closeCurrent();
        listener.onSessionEnded(reason);
    }

    private void closeCurrent() {
        GatewayConnection c = current;
        current = null;
        if (c != null) {
            c.close();
        }
    }

    /** The reason to stop for good, or null when the failure is worth a retry. */
    static @Nullable String fatalReason(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateChangedException) {
                return t.getMessage();
            }
            if (t instanceof RequestFailedException r
                    && (r.code() == ErrorCode.ERROR_CODE_INVALID_TOKEN
                            || r.code() == ErrorCode.ERROR_CODE_ACCOUNT_DISABLED
                            || r.code() == ErrorCode.ERROR_CODE_PROTOCOL_VERSION_UNSUPPORTED)) {
                return r.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static @Nullable Throwable unwrap(@Nullable Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** What the session is doing; called on the scheduler thread. */
    public interface Listener {
        default void onConnecting() {}

        void onConnected(GatewayConnection connection);

        default void onDisconnected() {}

        /** A connect attempt failed in a way worth retrying; the next attempt follows after the backoff. */
        default void onConnectFailed(Throwable cause) {}

        void onSessionEnded(String reason);
    }
}
