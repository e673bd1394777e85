package im.magpie.server.transport.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import im.magpie.server.files.FileService;
import im.magpie.server.session.SessionService;
import im.magpie.server.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/** The HTTPS JSON API on port 7443: files and health. */
public final class ApiServer implements AutoCloseable {
    private static final int THREADS = 16;

    private final HttpListener listener;

    private ApiServer(HttpListener listener) {
        this.listener = listener;
    }

    public static ApiServer start(String host, int port, SSLContext tls, SessionService sessions, FileService files)
            throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(host, port), 128);
        server.setHttpsConfigurator(configurator(tls));
        HttpJson json = new HttpJson();
        FileRoutes routes = new FileRoutes(sessions, files, json);
        server.createContext("/v1/uploads", json.handler(routes::uploads));
        server.createContext("/v1/files/", json.handler(routes::download));
        server.createContext("/v1/health", json.handler(exchange -> {
            HttpJson.requireMethod(exchange, "GET");
            json.send(exchange, 200, new HealthResponse("ok"));
        }));
        server.createContext("/", json.handler(exchange -> {
            throw new HttpFailure(404, "NOT_FOUND", "no such path");
        }));
        return new ApiServer(HttpListener.start(server, "api", THREADS, 256));
    }

    /** TLS 1.2/1.3 only, for every JDK HTTPS server of Magpie. */
    public static HttpsConfigurator configurator(SSLContext tls) {
        return new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(TlsMaterial.serverParameters(getSSLContext()));
            }
        };
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }
}
