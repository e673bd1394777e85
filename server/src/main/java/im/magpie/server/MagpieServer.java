package im.magpie.server;

import im.magpie.server.admin.AdminEndpoint;
import im.magpie.server.admin.AdminServer;
import im.magpie.server.admin.AdminToken;
import im.magpie.server.config.ServerConfig;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.push.DeviceConnections;
import im.magpie.server.push.NotificationPublisher;
import im.magpie.server.push.PushService;
import im.magpie.server.tls.GatewayTls;
import im.magpie.server.tls.TlsException;
import im.magpie.server.tls.TlsMaterial;
import im.magpie.server.tls.TlsSetup;
import im.magpie.server.transport.http.ApiServer;
import im.magpie.server.transport.http.DiscoveryServer;
import im.magpie.server.transport.tcp.ConnectionDeadlines;
import im.magpie.server.transport.tcp.GatewayDependencies;
import im.magpie.server.transport.tcp.GatewayServer;
import im.magpie.server.transport.tcp.ProtoMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server in one object: TLS material, the core, push, and the four listeners. Used by
 * {@link ServerMain} and by tests (every port 0, then {@link #ports()}). {@link #close()} stops the
 * listeners first, then the core.
 */
public final class MagpieServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final Logger log = LoggerFactory.getLogger(MagpieServer.class);

    /** The bound ports. */
    public record Ports(int discovery, int gateway, int api, int admin) {}

    /** Something started that must be stopped; stopping never throws checked exceptions. */
    @FunctionalInterface
    private interface Running {
        void stop();
    }

    private final Deque<Running> running;
    private final Ports ports;
    private final TlsMaterial tls;
    private final Path dataDir;
    private final CoreServices core;
    private final PushService push;

    private MagpieServer(
            Deque<Running> running, Ports ports, TlsMaterial tls, Path dataDir, CoreServices core, PushService push) {
        this.running = running;
        this.ports = ports;
        this.tls = tls;
        this.dataDir = dataDir;
        this.core = core;
        this.push = push;
    }

    public static MagpieServer start(ServerConfig config, CoreStarter starter) throws ServerStartException {
        Deque<Running> running = new ArrayDeque<>();
        try {
            Path dataDir = prepareDataDir(config.dataDir());
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            running.push(lock::release);
            TlsMaterial tls = new TlsSetup().prepare(config.tls(), dataDir, config.publicHost());
            SSLContext jdkTls = tls.jdkServerContext();
            AdminToken token = AdminToken.loadOrCreate(dataDir);
            DeviceConnections connections = new DeviceConnections();
            PushService push = new PushService(connections);
            CoreServices core = starter.start(config, new NotificationPublisher(connections, ProtoMapper::entry));
            running.push(core.stop()::run);
            GatewayTls gatewayTls = tls.gatewayTls(new SecureRandom());
            running.push(gatewayTls::close);
            GatewayServer gateway = GatewayServer.start(
                    gatewayTls,
                    new GatewayDependencies(
                            core.sessions(),
                            core.accounts(),
                            core.messaging(),
                            core.conversations(),
                            new PresenceService(),
                            connections,
                            Clock.systemUTC(),
                            config.limits().heartbeatSeconds(),
                            ConnectionDeadlines.DEFAULT,
                            VERSION),
                    config.bindAddress(),
                    config.ports().gateway());
            running.push(gateway::close);
            ApiServer api =
                    ApiServer.start(config.bindAddress(), config.ports().api(), jdkTls, core.sessions(), core.files());
            running.push(api::close);
            DiscoveryServer discovery = DiscoveryServer.start(
                    config.bindAddress(),
                    config.ports().discovery(),
                    new DiscoveryServer.Announcement(
                            VERSION, config.publicHost(), gateway.port(), api.port(), tls.fingerprint()),
                    Clock.systemUTC());
            running.push(discovery::close);
            AdminServer admin = AdminServer.start(
                    config.admin().bindAddress(),
                    config.ports().admin(),
                    jdkTls,
                    token,
                    new AdminServer.Services(core.accounts(), core.sessions(), core.conversations(), push));
            running.push(admin::close);
            AdminEndpoint.write(dataDir, config.admin().bindAddress(), admin.port());
            running.push(() -> removeEndpoint(dataDir));
            Ports ports = new Ports(discovery.port(), gateway.port(), api.port(), admin.port());
            log.info("Discovery listening on {}:{} (HTTP)", config.bindAddress(), ports.discovery());
            log.info("Gateway listening on {}:{} (TLS)", config.bindAddress(), ports.gateway());
            log.info("API listening on {}:{} (HTTPS)", config.bindAddress(), ports.api());
            log.info("Admin API listening on {}:{} (HTTPS)", config.admin().bindAddress(), ports.admin());
            log.info("Certificate fingerprint (SHA-256): {}", tls.fingerprint());
            return new MagpieServer(running, ports, tls, dataDir, core, push);
        } catch (IOException | TlsException e) {
            stopAll(running);
            throw new ServerStartException("cannot start the server: " + e.getMessage(), e);
        } catch (DataDirectoryLock.DataDirectoryInUseException e) {
            stopAll(running);
            throw new ServerStartException("cannot start the server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(running);
            throw new ServerStartException("interrupted while starting", e);
        } catch (ServerStartException | RuntimeException e) {
            stopAll(running);
            throw e;
        }
    }

    /** Creates the data directory (0700) when it does not exist. */
    public static Path prepareDataDir(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            Files.createDirectories(
                    absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return absolute;
    }

    public Ports ports() {
        return ports;
    }

    /** SHA-256 of the trust anchor, as announced by discovery. */
    public String fingerprint() {
        return tls.fingerprint();
    }

    public TlsMaterial tls() {
        return tls;
    }

    public Path dataDir() {
        return dataDir;
    }

    public CoreServices core() {
        return core;
    }

    public PushService push() {
        return push;
    }

    @Override
    public void close() {
        stopAll(running);
    }

    /** Stops in reverse start order; a failure of one part is logged and the rest still stop. */
    private static void stopAll(Deque<Running> running) {
        while (!running.isEmpty()) {
            Running next = running.pop();
            try {
                next.stop();
            } catch (RuntimeException e) {
                log.warn("Failure while stopping the server", e);
            }
        }
    }

    private static void removeEndpoint(Path dataDir) {
        try {
            AdminEndpoint.remove(dataDir);
        } catch (IOException e) {
            log.warn("Cannot remove {}", dataDir.resolve(AdminEndpoint.FILE_NAME), e);
        }
    }
}
