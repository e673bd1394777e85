package im.magpie.server.admin;

import com.sun.net.httpserver.HttpsServer;
import im.magpie.server.account.AccountService;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.push.PushService;
import im.magpie.server.session.SessionService;
import im.magpie.server.transport.http.ApiServer;
import im.magpie.server.transport.http.HttpFailure;
import im.magpie.server.transport.http.HttpJson;
import im.magpie.server.transport.http.HttpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/** The admin HTTPS listener (loopback by default). */
public final class AdminServer implements AutoCloseable {
    private final HttpListener listener;

    private AdminServer(HttpListener listener) {
        this.listener = listener;
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
        return new AdminServer(HttpListener.start(server, "admin", 2, 32));
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }
}
