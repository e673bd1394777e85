package im.magpie.client;

import im.magpie.client.net.CertificateChangedException;
import im.magpie.client.net.Discovery;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.DiscoveryInfo;
import im.magpie.client.net.Fingerprints;
import im.magpie.client.net.GatewayConnection;
import im.magpie.client.net.GatewaySettings;
import im.magpie.client.net.PinnedTrustManager;
import im.magpie.client.net.PushListener;
import im.magpie.client.net.ServerAddress;
import im.magpie.client.net.TlsContexts;
import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One way to reach the server: discovery, the pin check (first contact asks the {@link FirstContactPolicy}), the
 * pinned TLS connection to the gateway and the login.
 */
final class ServerConnector {
    private final ServerAddress server;
    private final Discovery discovery;
    private final ClientOptions options;
    private final Supplier<String> pinned;
    private final Consumer<String> pin;
    private final EventLoopGroup group;
    private final Executor callbacks;
    private final Executor io;
    /**
     * This device's gateway TLS context, kept across reconnects: it holds the session ticket of the last connection,
     * so a reconnect resumes the TLS session (TLS 1.3 PSK) instead of a full handshake. Replaced when the pin changes.
     */
    private @Nullable GatewayTls gatewayTls; // guarded by this

    private record GatewayTls(String fingerprint, SslContext context) {}

    ServerConnector(
            ServerAddress server,
            Discovery discovery,
            ClientOptions options,
            Supplier<String> pinned,
            Consumer<String> pin,
            EventLoopGroup group,
            Executor callbacks,
            Executor io) {
        this.server = server;
        this.discovery = discovery;
        this.options = options;
        this.pinned = pinned;
        this.pin = pin;
        this.group = group;
        this.callbacks = callbacks;
        this.io = io;
    }

    ServerAddress server() {
        return server;
    }

    /** Discovers and checks the pin; the result carries the TLS contexts built from that pin. */
    CompletableFuture<Discovered> discover() {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        DiscoveryInfo info = discovery.fetch(server);
                        if (info.minProtocolVersion() > ProtocolVersion.CURRENT) {
                            throw new DiscoveryException(
                                    "the server needs a newer client (protocol " + info.minProtocolVersion() + ")");
                        }
                        String fingerprint = checkPin(info.certificateSha256());
                        return new Discovered(
                                info, new TlsContexts(new PinnedTrustManager(fingerprint, options.clock())));
                    } catch (DiscoveryException | CertificateChangedException | FingerprintRejectedException e) {
                        throw new CompletionException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                },
                io);
    }

    /** Discovers, connects and logs in; closes the connection again when the login fails. */
    CompletableFuture<Connected> connect(LoginRequest login, PushListener push) {
        return discover().thenCompose(d -> {
            GatewaySettings settings = new GatewaySettings(
                    d.info().gatewayHost(),
                    d.info().gatewayPort(),
                    gatewayContext(d),
                    options.clientAgent(),
                    GatewaySettings.DEFAULT_CONNECT_TIMEOUT,
                    options.requestTimeout());
            return GatewayConnection.connect(settings, group, push, callbacks)
                    .thenCompose(conn -> conn.login(login)
                            .thenApply(resp -> new Connected(conn, resp, d))
                            .whenComplete((ok, err) -> {
                                if (err != null) {
                                    conn.close();
                                }
                            }));
        });
    }

    private synchronized SslContext gatewayContext(Discovered d) {
        String fingerprint = d.tls().trustManager().pinnedSha256();
        GatewayTls kept = gatewayTls;
        if (kept == null || !kept.fingerprint().equals(fingerprint)) {
            kept = new GatewayTls(fingerprint, d.tls().nettyContext());
            gatewayTls = kept;
        }
        return kept.context();
    }

    private String checkPin(String announced) throws CertificateChangedException, FingerprintRejectedException {
        String required = options.requiredFingerprint();
        if (required != null && !Fingerprints.normalise(required).equals(announced)) {
            throw new CertificateChangedException(Fingerprints.normalise(required), announced);
        }
        String current = pinned.get();
        if (current.isEmpty()) {
            if (required == null && !options.firstContact().accept(server.toString(), announced)) {
                throw new FingerprintRejectedException(
                        "the certificate fingerprint " + announced + " was not accepted");
            }
            pin.accept(announced);
            return announced;
        }
        if (!current.equals(announced)) {
            throw new CertificateChangedException(current, announced);
        }
        return current;
    }

    /** Discovery's answer and the TLS contexts pinned to its (checked) fingerprint. */
    record Discovered(DiscoveryInfo info, TlsContexts tls) {}

    /** A logged-in connection. */
    record Connected(GatewayConnection connection, LoginResponse login, Discovered discovered) {}

    static @Nullable Throwable rootCause(@Nullable Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
