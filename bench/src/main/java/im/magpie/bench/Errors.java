package im.magpie.bench;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Failed requests of a scenario: how many, and the first one's cause (for the result file; never message bodies). */
final class Errors {
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<@Nullable String> first = new AtomicReference<>();

    void add(Throwable error) {
        count.incrementAndGet();
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        first.compareAndSet(null, cause.toString());
    }

    long count() {
        return count.get();
    }

    /** Puts the count into the result and, when there was a failure, the first cause as a parameter. */
    void into(ScenarioResult r) {
        r.errors += count.get();
        String f = first.get();
        if (f != null) {
            r.param("first_error", f);
        }
    }
}
