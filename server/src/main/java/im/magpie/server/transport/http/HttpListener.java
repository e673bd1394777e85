package im.magpie.server.transport.http;

import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A started JDK HTTP(S) server together with its bounded executor: the port it listens on and a
 * clean stop. Every HTTP listener of Magpie (discovery, files API, admin API) runs on one.
 */
public final class HttpListener implements AutoCloseable {
    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private HttpListener(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts {@code server} (contexts already created) on a bounded pool of {@code core..max} threads. */
    public static HttpListener start(HttpServer server, String name, int coreThreads, int maxThreads) {
        ThreadPoolExecutor executor = BoundedExecutors.create(name, coreThreads, maxThreads);
        server.setExecutor(executor);
        server.start();
        return new HttpListener(server, executor);
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
