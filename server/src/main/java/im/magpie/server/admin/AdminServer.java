package im.magpie.server.admin;

import com.sun.net.httpserver.HttpsServer;
import im.magpie.server.account.AccountService;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.push.PushService;
import im.magpie.server.session.SessionService;
import im.magpie.server.transport.http.ApiServer;
import im.magpie.server.transport.http.BoundedExecutors;
import im.magpie.server.transport.http.HttpFailure;
import im.magpie.server.transport.http.HttpJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** The admin HTTPS listener (loopback by default). */
public final class AdminServer implements AutoCloseable {
    private final HttpsServer server;
    private final ThreadPoolExecutor executor;

    private AdminServer(HttpsServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** The services the admin API drives. */
    public record Services(
            AccountService accounts, SessionService sessions, ConversationService conversations, PushService push) {}

    public static AdminServer start(String host, int port, SSLContext tls, AdminToken token, Services services)
            throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(host, port), 16);
        server.setHttpsConfigurator(ApiServer.configurator(tls));
        HttpJson json = new HttpJson();
        AdminRoutes routes = new AdminRoutes(
                token, services.accounts(), services.sessions(), services.conversations(), services.push(), json);
        server.createContext("/admin/v1/", json.handler(routes::route));
        server.createContext("/", json.handler(exchange -> {
            throw new HttpFailure(404, "NOT_FOUND", "no such path");
        }));
        ThreadPoolExecutor executor = BoundedExecutors.create("admin", 2, 32);
        server.setExecutor(executor);
        server.start();
        return new AdminServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
