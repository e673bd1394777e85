package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search by text, conversation, sender and time, page by page, on a real SQLCipher file. */
class MessageSearchTest {
    static final long LINA = 7;
    static final long WEI = 8;
    static final long DAY = 86_400_000L;

    @TempDir
    java.nio.file.Path dir;

    LocalStore store;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(
                dir.resolve("s.db"), new DeviceKeyProtector(new FakeMachine("m", "u"), new SecureRandom()));
        List<EntryRecord> rows = new ArrayList<>();
        rows.add(message(1, 1, LINA, 1 * DAY, "明天开会讨论季度报表"));
        rows.add(message(1, 2, WEI, 2 * DAY, "好的，会议室订了"));
        rows.add(message(1, 3, LINA, 3 * DAY, "Meeting notes attached"));
        rows.add(message(2, 1, WEI, 2 * DAY, "周五开会吗"));
        rows.add(message(2, 2, LINA, 4 * DAY, "会"));
        rows.add(new EntryRecord(2, 3, LINA, 5 * DAY, "renamed", new byte[] {1}, false, "", ""));
        store.entries().upsertAll(rows);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void filtersByConversationSenderAndTime() {
        assertThat(found(MessageSearch.of("会"))).containsExactly("2#2", "2#1", "1#2", "1#1");
        assertThat(found(MessageSearch.of("会").inConversation(1))).containsExactly("1#2", "1#1");
        assertThat(found(MessageSearch.of("会").from(LINA))).containsExactly("2#2", "1#1");
        assertThat(found(MessageSearch.of("会").between(2 * DAY, 4 * DAY))).containsExactly("2#1", "1#2");
        assertThat(found(MessageSearch.of("开会").from(WEI).inConversation(2))).containsExactly("2#1");
        assertThat(found(MessageSearch.of("meet").between(0, 3 * DAY))).isEmpty();
        assertThat(found(MessageSearch.of("MEET").from(LINA))).containsExactly("1#3");
    }

    @Test
    void aBlankTextWithAFilterListsMessagesOnlyAndWithoutFiltersNothing() {
        assertThat(found(MessageSearch.of(" ").from(LINA))).containsExactly("2#2", "1#3", "1#1");
        assertThat(found(MessageSearch.of("").inConversation(2))).containsExactly("2#2", "2#1");
        assertThat(found(MessageSearch.of(""))).isEmpty();
        assertThat(found(MessageSearch.of("，。！").from(LINA))).isEmpty();
        store.entries().markRecalled(2, 2);
        assertThat(found(MessageSearch.of("").inConversation(2))).containsExactly("2#1");
    }

    @Test
    void pagesCoverEveryMatchOnceAndTheLastSaysSo() {
        List<EntryRecord> many = new ArrayList<>();
        for (int seq = 1; seq <= 23; seq++) {
            many.add(message(3, seq, WEI, seq * DAY, "第" + seq + "次周会 weekly"));
        }
        store.entries().upsertAll(many);
        List<String> all = new ArrayList<>();
        MessageSearch q = MessageSearch.of("周会 week").limit(10);
        int pages = 0;
        while (true) {
            SearchPage page = store.entries().search(q);
            pages++;
            page.entries().forEach(e -> all.add(e.conversationId() + "#" + e.seq()));
            if (!page.hasMore()) {
                assertThat(page.next()).isZero();
                break;
            }
            q = q.after(page.next());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(23).doesNotHaveDuplicates().first().isEqualTo("3#23");
        assertThat(all).last().isEqualTo("3#1");
        assertThat(store.entries().search(MessageSearch.of("周会").limit(23)).hasMore())
                .isFalse();
    }

    @Test
    void rewrittenEntriesAreReindexed() {
        store.entries().upsertAll(List.of(message(1, 1, LINA, DAY, "改成午饭")));
        assertThat(found(MessageSearch.of("报表"))).isEmpty();
        assertThat(found(MessageSearch.of("午饭"))).containsExactly("1#1");
    }

    @Test
    void termsAreWhatTheIndexMatches() {
        assertThat(EntryTable.searchTerms("季度 Report,会议v2")).containsExactly("季度", "report", "会议", "v2");
        assertThat(EntryTable.searchTerms("  ，")).isEmpty();
    }

    @Test
    void nonsenseQueriesAreRefused() {
        MessageSearch q = MessageSearch.of("会");
        assertThatThrownBy(() -> q.between(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.between(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.limit(EntryTable.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.from(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.after(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> found(MessageSearch q) {
        return store.entries().search(q).entries().stream()
                .map(e -> e.conversationId() + "#" + e.seq())
                .toList();
    }

    static EntryRecord message(long conversation, long seq, long sender, long timeMs, String text) {
        return new EntryRecord(
                conversation,
                seq,
                sender,
                timeMs,
                EntryRecord.MESSAGE,
                text.getBytes(StandardCharsets.UTF_8),
                false,
                "cm-" + conversation + "-" + seq,
                text);
    }
}
