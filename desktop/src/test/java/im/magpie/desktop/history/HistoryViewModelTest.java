package im.magpie.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history viewer's state without the FX toolkit. */
class HistoryViewModelTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    static final long LINA = 2;

    final FakeHistoryPort port = new FakeHistoryPort();
    final List<String> opened = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, SHANGHAI);
    HistoryViewModel vm;

    @BeforeEach
    void setUp() {
        port.people.add(new Choice(LINA, "李娜"));
        for (int i = 0; i < 120; i++) {
            port.hits.add(new HistoryHit(10, 500 - i, LINA, NOW.toEpochMilli() - i * 60_000L, "第" + i + "次开会"));
        }
        port.terms = List.of("开会");
        vm = new HistoryViewModel(
                port,
                new MessageTexts(new Texts(Locale.ENGLISH), clock),
                List.of(new Choice(10, "产品研发组"), new Choice(11, "李娜")),
                SHANGHAI,
                (c, seq) -> opened.add(c + "#" + seq),
                Runnable::run);
        vm.start();
    }

    @Test
    void searchesPageByPageWithNamesTimesAndHighlights() {
        vm.textProperty().set("  开会 ");
        vm.search();

        assertThat(port.queries).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("开会");
            assertThat(q.conversationId()).isZero();
            assertThat(q.senderId()).isZero();
            assertThat(q.fromMs()).isZero();
            assertThat(q.untilMs()).isEqualTo(Long.MAX_VALUE);
            assertThat(q.before()).isEqualTo(Long.MAX_VALUE);
        });
        assertThat(vm.results()).hasSize(HistoryViewModel.PAGE);
        HistoryResult first = vm.results().get(0);
        assertThat(first.sender()).isEqualTo("李娜");
        assertThat(first.conversation()).isEqualTo("产品研发组");
        assertThat(first.time()).isEqualTo("17:30");
        assertThat(first.text()).containsExactly(new Fragment("第0次", false), new Fragment("开会", true));
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("First 50 messages");

        vm.loadMore();
        vm.loadMore();
        assertThat(vm.results()).hasSize(120);
        assertThat(vm.results()).extracting(r -> r.hit().seq()).doesNotHaveDuplicates();
        assertThat(vm.hasMoreProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("120 messages");
        vm.loadMore();
        assertThat(port.queries).hasSize(3);

        vm.search(); // a new search starts over
        assertThat(vm.results()).hasSize(HistoryViewModel.PAGE);
    }

    @Test
    void aDirectChatsMessageNamesItsSenderOnce() {
        port.hits.clear();
        port.hits.add(new HistoryHit(11, 7, LINA, NOW.toEpochMilli(), "开会吗"));
        vm.textProperty().set("开会");
        vm.search();

        assertThat(vm.results()).singleElement().satisfies(r -> {
            assertThat(r.sender()).isEqualTo("李娜");
            assertThat(r.conversation()).isEmpty(); // the chat with 李娜 is named 李娜 too
        });
    }

    @Test
    void filtersBecomeIdsAndDaysInTheUsersZone() {
        vm.restrictTo(11);
        vm.senderProperty().set(vm.people().get(1));
        vm.fromDayProperty().set(LocalDate.of(2026, 5, 1));
        vm.toDayProperty().set(LocalDate.of(2026, 5, 3));
        vm.search();

        HistoryQuery q = port.queries.get(0);
        assertThat(q.text()).isEmpty();
        assertThat(q.conversationId()).isEqualTo(11);
        assertThat(q.senderId()).isEqualTo(LINA);
        assertThat(q.fromMs()).isEqualTo(Instant.parse("2026-04-30T16:00:00Z").toEpochMilli());
        assertThat(q.untilMs()).isEqualTo(Instant.parse("2026-05-03T16:00:00Z").toEpochMilli());
    }

    @Test
    void queriesThatCannotRunSayWhyAndAskNothing() {
        vm.search();
        assertThat(vm.statusProperty().get()).startsWith("Enter words");
        vm.textProperty().set("会".repeat(HistoryViewModel.MAX_TEXT_CHARS + 1));
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo("Search for at most 200 characters.");
        vm.textProperty().set("会");
        vm.fromDayProperty().set(LocalDate.of(2026, 5, 3));
        vm.toDayProperty().set(LocalDate.of(2026, 5, 1));
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo("The first day is after the last day.");
        assertThat(port.queries).isEmpty();
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void nothingFoundAndFailuresAreSaid() {
        port.hits.clear();
        vm.textProperty().set("holiday");
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo("No messages found.");
        port.fail = true;
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo("The search failed. Please try again.");
        assertThat(vm.searchingProperty().get()).isFalse();
    }

    @Test
    void jumpOpensTheConversationAtTheMessage() {
        vm.textProperty().set("开会");
        vm.search();
        vm.jumpTo(vm.results().get(3));
        assertThat(opened).containsExactly("10#497");
    }
}
