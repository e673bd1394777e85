package im.magpie.server.transport.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small fixed-size executors with a bounded queue for the JDK HTTP servers. */
public final class BoundedExecutors {
    private BoundedExecutors() {}

    public static ThreadPoolExecutor create(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
    }
}
