package im.magpie.desktop.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory {@link HistoryPort}: pages of hits set by the test; records the queries. */
final class FakeHistoryPort implements HistoryPort {
    final List<HistoryHit> hits = new ArrayList<>();
    final List<Choice> people = new ArrayList<>();
    final List<HistoryQuery> queries = new ArrayList<>();
    List<String> terms = List.of();
    boolean fail;

    @Override
    public CompletableFuture<HistoryPage> search(HistoryQuery q) {
        queries.add(q);
        if (fail) {
            return CompletableFuture.failedFuture(new IllegalStateException("store closed"));
        }
        // cursor = index in the list (hits are newest first); like the store, Long.MAX_VALUE is the first page
        int from = q.before() == Long.MAX_VALUE ? 0 : (int) q.before();
        int to = Math.min(hits.size(), from + q.limit());
        long next = to < hits.size() ? to : 0;
        return CompletableFuture.completedFuture(new HistoryPage(hits.subList(from, to), next, terms));
    }

    @Override
    public CompletableFuture<List<Choice>> people() {
        return CompletableFuture.completedFuture(List.copyOf(people));
    }
}
