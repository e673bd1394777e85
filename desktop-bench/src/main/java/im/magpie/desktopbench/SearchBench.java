package im.magpie.desktopbench;

import im.magpie.client.store.LocalStore;
import im.magpie.client.store.MessageSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * Local message search as the history viewer runs it: {@code MessageSearch} first pages of 50, over the store the
 * desktop app uses. A mix of one- and two-character Chinese words and English words, each run {@value #ROUNDS} times,
 * and the same words with a conversation, a sender or a date range.
 */
final class SearchBench {
    static final int ROUNDS = 10;
    static final List<String> QUERIES = List.of(
            "会", "表", "的", "客", "吗", "周", "开会", "季度", "报表", "项目", "客户", "上线", "确认", "预算", "进度", "meeting", "report",
            "review", "deploy", "api");

    record Result(Percentiles words, Percentiles filtered, long hits) {}

    static Result run(LocalStore store, long conversationId, long senderId, long fromMs, long untilMs) {
        long hits = 0;
        List<Long> plain = new ArrayList<>();
        List<Long> filtered = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                long t0 = System.nanoTime();
                hits += store.entries().search(MessageSearch.of(q)).entries().size();
                plain.add(System.nanoTime() - t0);
                MessageSearch narrowed = switch (plain.size() % 3) {
                    case 0 -> MessageSearch.of(q).inConversation(conversationId);
                    case 1 -> MessageSearch.of(q).from(senderId);
                    default -> MessageSearch.of(q).between(fromMs, untilMs);
                };
                t0 = System.nanoTime();
                hits += store.entries().search(narrowed).entries().size();
                filtered.add(System.nanoTime() - t0);
            }
        }
        return new Result(
                new Percentiles(plain.stream().mapToLong(Long::longValue).toArray()),
                new Percentiles(filtered.stream().mapToLong(Long::longValue).toArray()),
                hits);
    }
}
