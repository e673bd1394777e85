package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Runs one asynchronous step (connect, open a conversation, …) for many devices with at most N in flight. */
final class Connector {
    private Connector() {}

    /** Connects every device ({@code resume}: token login, else password); returns the elapsed nanoseconds. */
    static long connectAll(List<? extends SimDevice> devices, boolean resume, int parallel, int timeoutSeconds)
            throws BenchFailedException, InterruptedException {
        return forAll(devices, d -> d.connect(resume), parallel, timeoutSeconds);
    }

    static <T> long forAll(List<T> items, Function<T, CompletableFuture<?>> step, int parallel, int timeoutSeconds)
            throws BenchFailedException, InterruptedException {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (T item : items) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new BenchFailedException(
                        "timed out after " + timeoutSeconds + " s starting " + items.size() + " operations");
            }
            all.add(step.apply(item).whenComplete((ok, err) -> permits.release()));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new BenchFailedException("an operation failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new BenchFailedException("operations did not finish within " + timeoutSeconds + " s", e);
        }
        return System.nanoTime() - start;
    }
}
