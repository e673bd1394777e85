package im.magpie.desktop.backend;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.EntryTable;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.MessageSearch;
import im.magpie.client.store.SearchPage;
import im.magpie.client.store.UserRecord;
import im.magpie.desktop.history.Choice;
import im.magpie.desktop.history.HistoryHit;
import im.magpie.desktop.history.HistoryPage;
import im.magpie.desktop.history.HistoryPort;
import im.magpie.desktop.history.HistoryQuery;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** {@link HistoryPort} over the client library's local search; store reads run on the backend's reader thread. */
final class BackendHistory implements HistoryPort {
    private final Supplier<MagpieClient> client;
    private final Executor reader;

    BackendHistory(Supplier<MagpieClient> client, Executor reader) {
        this.client = client;
        this.reader = reader;
    }

    @Override
    public CompletableFuture<HistoryPage> search(HistoryQuery q) {
        return Failures.chat(CompletableFuture.supplyAsync(
                () -> {
                    MessageSearch search = new MessageSearch(
                            q.text(), q.conversationId(), q.senderId(), q.fromMs(), q.untilMs(), q.before(), q.limit());
                    SearchPage page = client.get().search(search);
                    List<HistoryHit> hits = new ArrayList<>();
                    for (EntryRecord e : page.entries()) {
                        hits.add(new HistoryHit(
                                e.conversationId(), e.seq(), e.actorUserId(), e.serverTimeMs(), e.searchText()));
                    }
                    return new HistoryPage(hits, page.next(), EntryTable.searchTerms(q.text()));
                },
                reader));
    }

    @Override
    public CompletableFuture<List<Choice>> people() {
        return Failures.chat(CompletableFuture.supplyAsync(
                        () -> {
                            Set<Long> ids = new TreeSet<>();
                            for (ConversationRecord r : client.get().conversations()) {
                                r.members().stream().map(MemberRecord::userId).forEach(ids::add);
                            }
                            return List.copyOf(ids);
                        },
                        reader)
                .thenCompose(ids -> client.get().users(ids))
                .thenApply(users -> {
                    Collator order = Collator.getInstance(Locale.CHINA);
                    return users.stream()
                            .map(BackendHistory::choice)
                            .sorted(Comparator.comparing(Choice::name, order))
                            .toList();
                }));
    }

    private static Choice choice(UserRecord u) {
        return new Choice(u.userId(), u.displayName().isBlank() ? u.account() : u.displayName());
    }
}
