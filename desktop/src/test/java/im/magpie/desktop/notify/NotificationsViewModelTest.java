package im.magpie.desktop.notify;

import static im.magpie.desktop.notify.FakeNotifyPort.direct;
import static im.magpie.desktop.notify.FakeNotifyPort.group;
import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.settings.Preferences;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arriving messages pop up and sound, and how pop-ups stack and coalesce; no FX toolkit. */
class NotificationsViewModelTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long BOB = 3;
    static final long DIRECT = 10;
    static final long TEAM = 20;
    static final long SELF_CHAT = 30;

    @TempDir
    Path dir;

    final FakeNotifyPort port = new FakeNotifyPort(ME);
    final List<Long> opened = new ArrayList<>();
    int sounds;
    long focused;
    Instant now = Instant.parse("2026-05-04T09:30:00Z");
    Preferences prefs;
    NotificationsViewModel vm;

    @BeforeEach
    void setUp() {
        prefs = Preferences.load(dir, dir);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        ChatWindow window = new ChatWindow() {
            @Override
            public long focusedConversation() {
                return focused;
            }

            @Override
            public void show(long conversationId) {
                opened.add(conversationId);
            }
        };
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        vm = new NotificationsViewModel(port, words, prefs, () -> sounds++, window, clock, Runnable::run);
        vm.start();
    }

    long t() {
        return now.toEpochMilli();
    }

    @Test
    void aLiveMessageFromSomeoneElsePopsUpWithSenderAndPreviewAndSounds() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t() - 1000, "下午三点开会"));

        assertThat(vm.shown()).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("李娜");
            assertThat(n.line()).isEqualTo("下午三点开会");
            assertThat(n.initials()).isEqualTo("李娜");
            assertThat(n.avatarId()).isEqualTo(LINA);
            assertThat(n.count()).isEqualTo(1);
            assertThat(n.countText()).isEmpty();
        });
        assertThat(sounds).isEqualTo(1);
    }

    @Test
    void groupPopUpsShowTheTitleAndTheSenderFilesAndPicturesAsWords() {
        port.arrive(group(TEAM, "产品研发组", false, 7, BOB, "王波", t(), new Content.File("周报.docx", 2048)));
        assertThat(vm.shown().get(0).title()).isEqualTo("产品研发组");
        assertThat(vm.shown().get(0).line()).isEqualTo("王波: [文件] 周报.docx");
        assertThat(vm.shown().get(0).avatarId()).isEqualTo(TEAM);

        port.arrive(direct(DIRECT, 3, LINA, "李娜", t(), "x"));
        vm.dismiss(DIRECT);
        port.arrive(new Incoming(
                DIRECT,
                4,
                im.magpie.desktop.chat.ConversationKind.DIRECT,
                "",
                false,
                LINA,
                "李娜",
                t(),
                new Content.Image("a.png", 10),
                false));
        assertThat(vm.shown().get(0).line()).isEqualTo("[图片]");
    }

    @Test
    void aFileAutoReceiveSavedSaysSoInItsPopUpEvenWhenItArrivedWhileOffline() {
        Incoming file = group(TEAM, "产品研发组", false, 7, BOB, "王波", t(), new Content.File("周报.docx", 2048));
        port.arrive(file);
        port.listeners.forEach(l -> l.saved(file, dir.resolve("周报 (1).docx")));
        assertThat(vm.shown()).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("产品研发组");
            assertThat(n.line()).isEqualTo("已自动接收 周报 (1).docx（已存入下载位置）");
            assertThat(n.count()).isEqualTo(1);
        });

        Incoming old = new Incoming(
                DIRECT,
                3,
                im.magpie.desktop.chat.ConversationKind.DIRECT,
                "",
                false,
                LINA,
                "李娜",
                t() - Duration.ofHours(3).toMillis(),
                new Content.Folder("资料", 2, 3000),
                false);
        port.arrive(old); // caught up after a reconnect: no pop-up for the message itself
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(TEAM);
        port.listeners.forEach(l -> l.saved(old, dir.resolve("资料")));
        assertThat(vm.shown().get(0).line()).isEqualTo("已自动接收 资料（已存入下载位置）");

        Incoming muted = group(40, "闲聊", true, 2, BOB, "王波", t(), new Content.File("a.zip", 9));
        port.listeners.forEach(l -> l.saved(muted, dir.resolve("a.zip")));
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(DIRECT, TEAM);
    }

    @Test
    void ownMessagesFromAnyDeviceStayQuiet() {
        port.arrive(direct(DIRECT, 5, ME, "张伟", t(), "我发的"));
        port.arrive(new Incoming(
                SELF_CHAT,
                2,
                im.magpie.desktop.chat.ConversationKind.SELF,
                "",
                false,
                ME,
                "张伟",
                t(),
                new Content.Text("from my phone"),
                false));

        assertThat(vm.shown()).isEmpty();
        assertThat(sounds).isZero();
    }

    @Test
    void aMutedGroupStaysQuietUnlessTheMessageMentionsMe() {
        port.arrive(group(TEAM, "产品研发组", true, 7, BOB, "王波", t(), new Content.Text("大家好")));
        assertThat(vm.shown()).isEmpty();

        port.arrive(group(TEAM, "产品研发组", true, 8, BOB, "王波", t(), new Content.Text("@张伟 请看", List.of(ME))));
        assertThat(vm.shown()).singleElement().satisfies(n -> {
            assertThat(n.mention()).isTrue();
            assertThat(n.line()).isEqualTo("王波: @张伟 请看");
        });
        port.arrive(group(TEAM, "产品研发组", true, 9, BOB, "王波", t(), new Content.Text("@李娜 你也看", List.of(LINA))));
        assertThat(vm.shown()).singleElement().extracting(Notice::count).isEqualTo(1);
    }

    @Test
    void theConversationTheUserIsLookingAtDoesNotPopUpButOthersDo() {
        focused = DIRECT;
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "在吗"));
        assertThat(vm.shown()).isEmpty();

        port.arrive(group(TEAM, "产品研发组", false, 7, BOB, "王波", t(), new Content.Text("周会改到四点")));
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(TEAM);

        focused = 0; // the window lost the focus: the same chat notifies again
        port.arrive(direct(DIRECT, 6, LINA, "李娜", t(), "在吗？"));
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(DIRECT, TEAM);
    }

    @Test
    void messagesOfTheSameConversationCoalesceIntoOnePopUpThatCounts() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"), direct(DIRECT, 6, LINA, "李娜", t(), "二"));
        port.arrive(direct(DIRECT, 7, LINA, "李娜", t(), "三"));

        assertThat(vm.shown()).singleElement().satisfies(n -> {
            assertThat(n.count()).isEqualTo(3);
            assertThat(n.countText()).isEqualTo("3 条新消息");
            assertThat(n.line()).isEqualTo("三");
            assertThat(n.lastSeq()).isEqualTo(7);
        });
    }

    @Test
    void atMostThreePopUpsNewestFirstAndTheOldestGoes() {
        for (long c = 1; c <= 4; c++) {
            port.arrive(direct(100 + c, 1, 200 + c, "同事" + c, t(), "消息" + c));
        }
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(104L, 103L, 102L);

        port.arrive(direct(102, 2, 202, "同事2", t(), "又一条"));
        assertThat(vm.shown()).extracting(Notice::conversationId).containsExactly(102L, 104L, 103L);
    }

    @Test
    void turningNotificationsOffHidesThePopUpsAndSilencesNewOnesAtOnce() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"));
        prefs.notificationsProperty().set(false);
        assertThat(vm.shown()).isEmpty();

        port.arrive(direct(DIRECT, 6, LINA, "李娜", t(), "二"));
        assertThat(vm.shown()).isEmpty();
        assertThat(sounds).isEqualTo(1);

        prefs.notificationsProperty().set(true);
        prefs.soundProperty().set(false);
        port.arrive(direct(DIRECT, 7, LINA, "李娜", t(), "三"));
        assertThat(vm.shown()).extracting(Notice::line).containsExactly("三");
        assertThat(sounds).isEqualTo(1);
    }

    @Test
    void theSoundPlaysAtMostOnceEveryTwoSeconds() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"));
        now = now.plusMillis(500);
        port.arrive(direct(DIRECT, 6, LINA, "李娜", t(), "二"));
        port.arrive(group(TEAM, "产品研发组", false, 7, BOB, "王波", t(), new Content.Text("三")));
        assertThat(sounds).isEqualTo(1);

        now = now.plus(NotificationsViewModel.SOUND_GAP);
        port.arrive(direct(DIRECT, 7, LINA, "李娜", t(), "四"));
        assertThat(sounds).isEqualTo(2);
    }

    @Test
    void historyThatASyncBringsAfterLoginStaysQuiet() {
        long old = t()
                - NotificationsViewModel.LIVE_WINDOW.plus(Duration.ofSeconds(1)).toMillis();
        port.arrive(direct(DIRECT, 5, LINA, "李娜", old, "昨天的消息"));
        assertThat(vm.shown()).isEmpty();
        assertThat(sounds).isZero();
    }

    @Test
    void recalledNoticesAndAlreadySeenMessagesStayQuiet() {
        port.arrive(new Incoming(
                DIRECT,
                5,
                im.magpie.desktop.chat.ConversationKind.DIRECT,
                "",
                false,
                LINA,
                "李娜",
                t(),
                new Content.Text(""),
                true));
        port.arrive(group(TEAM, "产品研发组", false, 2, BOB, "王波", t(), new Content.Notice("renamed", "新名字")));
        assertThat(vm.shown()).isEmpty();

        port.arrive(direct(DIRECT, 6, LINA, "李娜", t(), "一"));
        port.arrive(direct(DIRECT, 6, LINA, "李娜", t(), "一")); // the same entry stored again
        assertThat(vm.shown()).singleElement().extracting(Notice::count).isEqualTo(1);
    }

    @Test
    void aRecallTakesTheMessageOutOfItsPopUp() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"), direct(DIRECT, 6, LINA, "李娜", t(), "发错了"));
        port.recall(DIRECT, 6);
        assertThat(vm.shown()).singleElement().satisfies(n -> {
            assertThat(n.count()).isEqualTo(1);
            assertThat(n.line()).isEqualTo("一条消息已被撤回");
        });

        port.recall(DIRECT, 5);
        assertThat(vm.shown()).isEmpty();
    }

    @Test
    void readingTheConversationElsewhereClosesItsPopUp() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"));
        port.read(DIRECT, 4);
        assertThat(vm.shown()).hasSize(1);
        port.read(DIRECT, 5);
        assertThat(vm.shown()).isEmpty();
    }

    @Test
    void openingAPopUpShowsTheConversationAndClosesThePopUp() {
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"));
        vm.open(DIRECT);
        assertThat(opened).containsExactly(DIRECT);
        assertThat(vm.shown()).isEmpty();
    }

    @Test
    void afterDisposeNothingPopsUp() {
        vm.dispose();
        port.arrive(direct(DIRECT, 5, LINA, "李娜", t(), "一"));
        assertThat(vm.shown()).isEmpty();
        assertThat(port.listeners).isEmpty();
    }

    @Test
    void theWindowTitleCarriesTheUnreadCount() {
        assertThat(UnreadBadges.title("鹊桥", 0)).isEqualTo("鹊桥");
        assertThat(UnreadBadges.title("鹊桥", 3)).isEqualTo("(3) 鹊桥");
        assertThat(UnreadBadges.title("Magpie", 120)).isEqualTo("(99+) Magpie");
    }
}
