package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.EntrySearch.Plan;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtered search finds the same pages whichever side drives it (full-text index first or filter index first), and
 * the planner lets the narrower side drive. On a real SQLCipher file.
 */
class SearchPlanTest {
    static final String[] WORDS = {"开会", "报表", "会", "表", "客户", "周五", "的", "meeting", "review", "Q3"};
    static final long DAY = 86_400_000L;

    @TempDir
    java.nio.file.Path dir;

    LocalStore store;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(
                dir.resolve("s.db"), new DeviceKeyProtector(new FakeMachine("m", "u"), new SecureRandom()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void bothPlansFindTheSamePagesForRandomQueries() {
        Random random = new Random(42);
        List<EntryRecord> rows = new ArrayList<>();
        long[] seqs = new long[4];
        for (int i = 0; i < 600; i++) {
            int conversation = random.nextInt(seqs.length);
            long sender = 1L + random.nextInt(6);
            StringBuilder text = new StringBuilder();
            for (int w = 1 + random.nextInt(4); w > 0; w--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
            }
            rows.add(MessageSearchTest.message(
                    conversation + 1, ++seqs[conversation], sender, random.nextInt(30) * DAY, text.toString()));
        }
        store.entries().upsertAll(rows);
        store.entries().markRecalled(1, 3);
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            MessageSearch q = MessageSearch.of(random.nextInt(8) == 0 ? "" : WORDS[random.nextInt(WORDS.length)])
                    .limit(1 + random.nextInt(40));
            switch (random.nextInt(4)) {
                case 0 -> q = q.inConversation(1 + random.nextInt(seqs.length));
                case 1 -> q = q.from(1 + random.nextInt(7));
                case 2 -> {
                    long from = random.nextInt(30) * DAY;
                    q = q.between(from, from + (1 + random.nextInt(10)) * DAY);
                }
                default -> q = q.from(1 + random.nextInt(6)).inConversation(1 + random.nextInt(seqs.length));
            }
            List<String> wordsFirst = allPages(q, Plan.WORDS_FIRST);
            assertThat(allPages(q, Plan.FILTER_FIRST)).as(q.toString()).isEqualTo(wordsFirst);
            assertThat(allPages(q, null)).as(q.toString()).isEqualTo(wordsFirst);
            compared += wordsFirst.size();
        }
        assertThat(compared).as("the queries found something to compare").isGreaterThan(1_000);
    }

    @Test
    void aNarrowFilterDrivesACommonWordAndARareWordDrivesABroadFilter() {
        List<EntryRecord> rows = new ArrayList<>();
        for (int seq = 1; seq <= 200; seq++) {
            rows.add(MessageSearchTest.message(1, seq, seq % 100 == 0 ? 9 : 2, seq * DAY, seq == 50 ? "罕见" : "的"));
        }
        store.entries().upsertAll(rows);
        MessageSearch commonFromFew = MessageSearch.of("的").from(9);
        MessageSearch rareFromMany = MessageSearch.of("罕见").from(2);
        assertThat(store.entries().plan(commonFromFew)).isEqualTo(Plan.FILTER_FIRST);
        assertThat(store.entries().plan(rareFromMany)).isEqualTo(Plan.WORDS_FIRST);
        assertThat(ids(store.entries().search(commonFromFew).entries())).containsExactly("1#200", "1#100");
        assertThat(ids(store.entries().search(rareFromMany).entries())).containsExactly("1#50");
    }

    @Test
    void aNarrowFilterDrivesAPrefixWordAndABroadFilterDoesNot() {
        List<EntryRecord> rows = new ArrayList<>();
        for (int seq = 1; seq <= 5_000; seq++) {
            rows.add(MessageSearchTest.message(1, seq, seq % 1_000 == 0 ? 9 : 2, seq * DAY, "meeting notes " + seq));
        }
        store.entries().upsertAll(rows);
        MessageSearch fromFew = MessageSearch.of("meet").from(9);
        MessageSearch fromMany = MessageSearch.of("meet").from(2);
        assertThat(store.entries().plan(fromFew)).isEqualTo(Plan.FILTER_FIRST);
        assertThat(store.entries().plan(fromMany)).isEqualTo(Plan.WORDS_FIRST);
        assertThat(ids(store.entries().search(fromFew).entries()))
                .containsExactly("1#5000", "1#4000", "1#3000", "1#2000", "1#1000");
    }

    private List<String> allPages(MessageSearch first, @org.jspecify.annotations.Nullable Plan plan) {
        List<String> out = new ArrayList<>();
        MessageSearch q = first;
        while (true) {
            SearchPage page =
                    plan == null ? store.entries().search(q) : store.entries().search(q, plan);
            out.addAll(ids(page.entries()));
            if (!page.hasMore()) {
                return out;
            }
            q = q.after(page.next());
        }
    }

    private static List<String> ids(List<EntryRecord> entries) {
        return entries.stream().map(e -> e.conversationId() + "#" + e.seq()).toList();
    }
}
