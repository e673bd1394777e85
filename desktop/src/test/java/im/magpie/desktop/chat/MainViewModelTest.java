package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    MainViewModel vm;

    @BeforeEach
    void setUp() {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        long t = NOW.toEpochMilli();
        port.conversations.add(new ConversationInfo(
                1,
                ConversationKind.DIRECT,
                "",
                List.of(ME, LINA),
                3,
                FakeChatPort.text(1, 5, LINA, t - 60_000, "下午三点开会"),
                2));
        port.conversations.add(new ConversationInfo(
                2,
                ConversationKind.GROUP,
                "产品研发组",
                List.of(ME, LINA),
                9,
                FakeChatPort.text(2, 9, LINA, t - 86_400_000L, "周报已发"),
                0));
        port.conversations.add(new ConversationInfo(3, ConversationKind.SELF, "", List.of(ME), 0, null, 0));
        vm = new MainViewModel(port, new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock), Runnable::run);
    }

    @Test
    void listsConversationsNewestFirstWithNamesPreviewsAndUnreadCounts() {
        vm.start();

        assertThat(vm.rows()).extracting(ConversationRow::name).containsExactly("李娜", "产品研发组", "文件传输助手");
        ConversationRow direct = vm.rows().get(0);
        assertThat(direct.initials()).isEqualTo("李娜");
        assertThat(direct.preview()).isEqualTo("下午三点开会");
        assertThat(direct.time()).isEqualTo("09:29");
        assertThat(direct.unread()).isEqualTo(2);
        ConversationRow group = vm.rows().get(1);
        assertThat(group.preview()).isEqualTo("李娜: 周报已发");
        assertThat(group.time()).isEqualTo("昨天");
        assertThat(vm.rows().get(2).preview()).isEmpty();
    }

    @Test
    void theOpenConversationShowsNoUnreadBadge() {
        vm.start();
        vm.selectedIdProperty().set(1);
        assertThat(vm.rows().get(0).unread()).isZero();
        assertThat(vm.rows().get(0).name()).isEqualTo("李娜");
    }

    @Test
    void pinnedConversationsComeFirstThenTheNewest() {
        port.setPinned(3, true).join();
        vm.start();
        assertThat(vm.rows()).extracting(ConversationRow::id).containsExactly(3L, 1L, 2L);
        assertThat(vm.row(3)).extracting(ConversationRow::pinned).isEqualTo(true);

        port.setPinned(2, true).join();
        assertThat(vm.rows()).extracting(ConversationRow::id).containsExactly(2L, 3L, 1L);
    }

    @Test
    void pinAndMuteGoThroughThePortAndTheListFollowsTheSyncedChange() {
        vm.start();
        vm.setPinned(2, true);
        assertThat(vm.rows()).extracting(ConversationRow::id).containsExactly(2L, 1L, 3L);

        vm.setMuted(1, true);
        ConversationRow muted = java.util.Objects.requireNonNull(vm.row(1));
        assertThat(muted.muted()).isTrue();
        assertThat(muted.unread()).isEqualTo(2);
        assertThat(muted.unreadDot()).isTrue();
        assertThat(muted.unreadCounted()).isZero();

        vm.setMuted(1, false);
        vm.setPinned(2, false);
        assertThat(vm.row(1)).extracting(ConversationRow::unreadDot).isEqualTo(false);
        assertThat(vm.rows()).extracting(ConversationRow::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMutedConversationWithoutUnreadShowsNoDot() {
        port.setMuted(2, true).join();
        vm.start();
        ConversationRow row = java.util.Objects.requireNonNull(vm.row(2));
        assertThat(row.muted()).isTrue();
        assertThat(row.unreadDot()).isFalse();
    }

    @Test
    void reloadsWhenEntriesArrive() {
        vm.start();
        port.conversations.set(
                0,
                new ConversationInfo(
                        1,
                        ConversationKind.DIRECT,
                        "",
                        List.of(ME, LINA),
                        3,
                        FakeChatPort.text(1, 6, ME, NOW.toEpochMilli(), "好的"),
                        0));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(1L)));
        assertThat(vm.rows().get(0).preview()).isEqualTo("好的");
        assertThat(vm.rows().get(0).unread()).isZero();
    }

    @Test
    void aReloadReplacesOnlyTheRowsThatChanged() {
        vm.start();
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<ConversationRow>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });
        port.listeners.forEach(l -> l.entriesChanged(Set.of(2L)));
        assertThat(changes).as("nothing changed").isEmpty();
        port.conversations.set(
                1,
                new ConversationInfo(
                        2,
                        ConversationKind.GROUP,
                        "产品研发组",
                        List.of(ME, LINA),
                        9,
                        FakeChatPort.text(2, 10, LINA, NOW.toEpochMilli() - 86_400_000L, "周报已更新"),
                        1));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(2L)));
        assertThat(changes).containsExactly("1 replaced");
        assertThat(vm.rows().get(1).preview()).contains("周报已更新");
    }

    @Test
    void aMessageReloadsOnlyItsConversationAndMovesItsRowToItsPlace() {
        vm.start();
        assertThat(port.listReads).isEqualTo(1);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<ConversationRow>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });
        port.conversations.set(
                1,
                new ConversationInfo(
                        2,
                        ConversationKind.GROUP,
                        "产品研发组",
                        List.of(ME, LINA),
                        9,
                        FakeChatPort.text(2, 10, LINA, NOW.toEpochMilli(), "新版本已发布"),
                        1));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(2L)));

        assertThat(port.conversationReads).containsExactly(Set.of(2L));
        assertThat(port.listReads).as("the rest of the list is not read again").isEqualTo(1);
        assertThat(vm.rows()).extracting(ConversationRow::id).containsExactly(2L, 1L, 3L);
        assertThat(vm.rows().get(0).preview()).contains("新版本已发布");
        assertThat(changes).as("no row is missing meanwhile").containsExactly("0 replaced", "1 replaced");
    }

    @Test
    void aConversationStateChangeReloadsOnlyThatConversation() {
        vm.start();
        port.listeners.forEach(l -> l.conversationsChanged(Set.of(2L))); // e.g. a read mark of the open chat

        assertThat(port.conversationReads).containsExactly(Set.of(2L));
        assertThat(port.listReads).as("the rest of the list is not read again").isEqualTo(1);
        port.listeners.forEach(l -> l.conversationsChanged(Set.of(42L))); // a conversation not in the list yet
        assertThat(port.listReads).isEqualTo(2);
    }

    @Test
    void aSyncBatchIsOneReloadNotTwo() {
        java.util.ArrayDeque<Runnable> fx = new java.util.ArrayDeque<>();
        MainViewModel queued =
                new MainViewModel(port, new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock), fx::addLast);
        queued.start();
        runAll(fx);
        port.conversations.set(
                1,
                new ConversationInfo(
                        2,
                        ConversationKind.GROUP,
                        "产品研发组",
                        List.of(ME, LINA),
                        9,
                        FakeChatPort.text(2, 10, LINA, NOW.toEpochMilli(), "新版本已发布"),
                        1));

        // the client library tells a sync batch twice, one call after the other, on its thread
        port.listeners.forEach(l -> l.entriesChanged(Set.of(2L)));
        port.listeners.forEach(l -> l.conversationsChanged(Set.of(2L)));
        runAll(fx);

        assertThat(port.conversationReads).containsExactly(Set.of(2L));
        assertThat(queued.rows().get(0).preview()).contains("新版本已发布");

        port.listeners.forEach(l -> l.entriesChanged(Set.of(2L)));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(1L)));
        runAll(fx);
        assertThat(port.conversationReads).containsExactly(Set.of(2L), Set.of(1L, 2L));
        assertThat(port.listReads).isEqualTo(1);

        port.listeners.forEach(l -> l.entriesChanged(Set.of()));
        runAll(fx);
        assertThat(port.listReads).as("a batch without entries reloads nothing").isEqualTo(1);
        assertThat(port.conversationReads).hasSize(2);
    }

    private static void runAll(java.util.ArrayDeque<Runnable> fx) {
        for (Runnable r = fx.poll(); r != null; r = fx.poll()) {
            r.run();
        }
    }

    @Test
    void aChangeInTheFileTransferAssistantOrAnUnknownConversationReloadsTheWholeList() {
        vm.start();
        port.listeners.forEach(l -> l.entriesChanged(Set.of(3L))); // carries the settings of every conversation
        assertThat(port.listReads).isEqualTo(2);
        port.listeners.forEach(l -> l.entriesChanged(Set.of(42L)));
        assertThat(port.listReads).isEqualTo(3);
        assertThat(port.conversationReads).isEmpty();
    }

    @Test
    void startingOfflineShowsTheBannerAtOnce() {
        port.online = false;
        vm.start();
        assertThat(vm.onlineProperty().get()).isFalse();
    }

    @Test
    void connectionAndSessionEventsDriveTheBannerAndTheDialog() {
        vm.start();
        assertThat(vm.onlineProperty().get()).isTrue();
        port.listeners.forEach(l -> l.connectionChanged(false));
        assertThat(vm.onlineProperty().get()).isFalse();
        port.listeners.forEach(l -> l.connectionChanged(true));
        assertThat(vm.onlineProperty().get()).isTrue();
        port.listeners.forEach(l -> l.sessionEnded("kicked: admin"));
        assertThat(vm.sessionEndedProperty().get()).contains("重新登录");
    }

    @Test
    void newChatSelectsTheConversationOrExplainsAnUnknownAccount() {
        vm.start();
        vm.newChat("nobody");
        assertThat(vm.actionErrorProperty().get()).isEqualTo("该账号不存在。");

        port.accounts.put("lina", port.conversations.get(0));
        vm.newChat(" lina ");
        assertThat(vm.actionErrorProperty().get()).isEmpty();
        assertThat(vm.selectedIdProperty().get()).isEqualTo(1);
    }

    @Test
    void fileTransferOpensTheSelfConversation() {
        vm.start();
        vm.openFileTransfer();
        assertThat(vm.selectedIdProperty().get()).isEqualTo(3);
        assertThat(vm.selected()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(ConversationKind.SELF));
    }

    @Test
    void aNewDirectChatShowsItsTimeButNotItsSettingUpAsThePreview() {
        long t = NOW.toEpochMilli();
        port.conversations.add(new ConversationInfo(
                4,
                ConversationKind.DIRECT,
                "",
                List.of(ME, 5L),
                0,
                new Message(4, 2, ME, t, new Content.Notice("members_added", "2", List.of(ME, 5L)), false, ""),
                0));
        vm.start();

        ConversationRow fresh = java.util.Objects.requireNonNull(vm.row(4));
        assertThat(fresh.preview()).isEmpty();
        assertThat(fresh.time()).isEqualTo("09:30");
        assertThat(vm.rows().get(0).id()).as("the newest first").isEqualTo(4L);
    }
}
