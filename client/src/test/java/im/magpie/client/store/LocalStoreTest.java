package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    private static final String MARKER = "plaintext-marker-7f3a 季度报表机密";
    private final DeviceKeyProtector thisMachine =
            new DeviceKeyProtector(new FakeMachine("machine-a", "alice"), new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void reopensWithTheSameDeviceAndReadsTheRows() throws Exception {
        Path db = dir.resolve("alice.db");
        try (LocalStore store = LocalStore.open(db, thisMachine)) {
            store.entries().upsert(message(1, 1, MARKER));
            store.settings().put(SettingsTable.SESSION_TOKEN, "tok");
        }
        try (LocalStore store = LocalStore.open(db, thisMachine)) {
            assertThat(store.entries().find(1, 1))
                    .get()
                    .extracting(EntryRecord::searchText)
                    .isEqualTo(MARKER);
            assertThat(store.settings().get(SettingsTable.SESSION_TOKEN)).contains("tok");
        }
    }

    @Test
    void fileBytesContainNoPlaintext() throws Exception {
        Path db = dir.resolve("alice.db");
        try (LocalStore store = LocalStore.open(db, thisMachine)) {
            for (int i = 1; i <= 50; i++) {
                store.entries().upsert(message(1, i, MARKER + " " + i));
            }
            store.settings().put(SettingsTable.SESSION_TOKEN, MARKER);
        }
        for (Path file : List.of(db, dir.resolve("alice.db.key"), dir.resolve("alice.db.salt"))) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes)
                    .as(file.getFileName().toString())
                    .doesNotContain("plaintext-marker")
                    .doesNotContain(new String("季度".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                    .doesNotContain("SQLite format 3")
                    .doesNotContain("CREATE TABLE");
        }
        assertThat(Files.size(db)).isGreaterThan(4096);
    }

    @Test
    void filesCopiedToAnotherMachineCannotBeOpened() throws Exception {
        Path db = dir.resolve("alice.db");
        try (LocalStore store = LocalStore.open(db, thisMachine)) {
            store.entries().upsert(message(1, 1, MARKER));
        }
        DeviceKeyProtector otherMachine =
                new DeviceKeyProtector(new FakeMachine("machine-b", "alice"), new SecureRandom());
        assertThatThrownBy(() -> LocalStore.open(db, otherMachine))
                .isInstanceOf(DeviceMismatchException.class)
                .hasMessageContaining("another machine");
        DeviceKeyProtector otherUser = new DeviceKeyProtector(new FakeMachine("machine-a", "bob"), new SecureRandom());
        assertThatThrownBy(() -> LocalStore.open(db, otherUser)).isInstanceOf(DeviceMismatchException.class);
    }

    @Test
    void databaseWithoutItsKeyFileIsRefused() throws Exception {
        Path db = dir.resolve("alice.db");
        try (LocalStore store = LocalStore.open(db, thisMachine)) {
            store.settings().put("x", "y");
        }
        DeviceKeyProtector.deleteKey(db);
        assertThatThrownBy(() -> LocalStore.open(db, thisMachine)).isInstanceOf(DeviceMismatchException.class);
    }

    @Test
    void searchFindsOneAndTwoCharacterChineseAndWords() throws IOException, DeviceMismatchException {
        try (LocalStore store = LocalStore.open(dir.resolve("s.db"), thisMachine)) {
            store.entries().upsert(message(1, 1, "明天下午开会讨论季度报表"));
            store.entries().upsert(message(1, 2, "The weekly meeting moved to Friday"));
            store.entries().upsert(message(2, 1, "午饭吃什么"));
            store.entries().upsert(message(2, 2, "项目进度 update"));

            assertThat(seqs(store, "会")).containsExactly("1#1");
            assertThat(seqs(store, "会议")).isEmpty();
            assertThat(seqs(store, "开会")).containsExactly("1#1");
            assertThat(seqs(store, "季度报表")).containsExactly("1#1");
            assertThat(seqs(store, "meeting")).containsExactly("1#2");
            assertThat(seqs(store, "MEET")).containsExactly("1#2");
            assertThat(seqs(store, "午")).containsExactlyInAnyOrder("1#1", "2#1");
            assertThat(seqs(store, "进度 update")).containsExactly("2#2");
            assertThat(seqs(store, "报告")).isEmpty();
            assertThat(seqs(store, "holiday")).isEmpty();
            assertThat(seqs(store, "\"*)(")).isEmpty();
        }
    }

    @Test
    void searchFindsTwoCharacterWordMeeting() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("m.db"), thisMachine)) {
            store.entries().upsert(message(1, 1, "下午三点开会议，准备季度报表"));
            store.entries().upsert(message(1, 2, "unrelated text 你好"));
            assertThat(seqs(store, "会")).containsExactly("1#1");
            assertThat(seqs(store, "会议")).containsExactly("1#1");
            assertThat(seqs(store, "季度报表")).containsExactly("1#1");
            assertThat(seqs(store, "议会")).isEmpty();
        }
    }

    @Test
    void recalledMessagesDisappearFromSearchAndLoseTheirBody() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("r.db"), thisMachine)) {
            store.entries().upsert(message(1, 1, "秘密计划"));
            store.entries().markRecalled(1, 1);
            assertThat(seqs(store, "秘密")).isEmpty();
            EntryRecord e = store.entries().find(1, 1).orElseThrow();
            assertThat(e.recalled()).isTrue();
            assertThat(e.body()).isEmpty();
            assertThat(e.searchText()).isEmpty();
        }
    }

    @Test
    void entriesAfterASeqComeOldestFirstWithRecallMarkersAndReadMarks() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("a.db"), thisMachine)) {
            for (int seq = 1; seq <= 5; seq++) {
                store.entries().upsert(message(1, seq, "m" + seq));
            }
            store.entries().upsert(message(2, 6, "another conversation"));
            store.entries().upsert(marker(1, 6, "recalled"));
            store.entries().upsert(marker(1, 7, "read"));

            assertThat(store.entries().after(1, 3, 10))
                    .extracting(e -> e.seq() + " " + e.kind())
                    .containsExactly("4 message", "5 message", "6 recalled", "7 read");
            assertThat(store.entries().after(1, 3, 2))
                    .extracting(EntryRecord::seq)
                    .containsExactly(4L, 5L);
            assertThat(store.entries().after(1, 7, 10)).isEmpty();
            assertThat(store.entries().page(1, Long.MAX_VALUE, 10))
                    .as("pages still leave the markers out")
                    .extracting(EntryRecord::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void unreadCountsMessagesOfOthersAboveTheReadMarkUpToACap() throws Exception {
        long self = 9;
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"), thisMachine)) {
            EntryTable entries = store.entries();
            for (int seq = 1; seq <= 5; seq++) {
                entries.upsert(message(1, seq, "m" + seq)); // by 7
            }
            entries.upsert(by(message(1, 6, "mine"), self));
            entries.upsert(marker(1, 7, "read"));
            entries.upsert(message(1, 8, "recalled soon"));
            entries.markRecalled(1, 8);
            entries.upsert(marker(1, 9, "recalled"));
            entries.upsert(marker(1, 10, "renamed"));
            entries.upsert(message(1, 11, "newest"));
            entries.upsert(message(2, 12, "another conversation"));

            assertThat(entries.unreadCount(1, 0, self, 100)).as("1-5 and 11").isEqualTo(6);
            assertThat(entries.unreadCount(1, 3, self, 100)).as("4, 5 and 11").isEqualTo(3);
            assertThat(entries.unreadCount(1, 11, self, 100)).isZero();
            assertThat(entries.unreadCount(1, 0, self, 4))
                    .as("counting stops at the cap")
                    .isEqualTo(4);
            assertThat(entries.unreadCount(1, 0, self, 0)).isZero();
            assertThat(entries.unreadCount(1, 0, 7, 100))
                    .as("the other member's view")
                    .isEqualTo(1);
            assertThat(entries.unreadCount(3, 0, self, 100))
                    .as("no such conversation")
                    .isZero();

            for (int seq = 13; seq < 13 + 250; seq++) {
                entries.upsert(message(2, seq, "m" + seq));
            }
            assertThat(entries.unreadCount(2, 0, self, 100)).isEqualTo(100);
            assertThat(entries.unreadCount(2, 0, self, 1000)).isEqualTo(251);
        }
    }

    private static EntryRecord by(EntryRecord e, long actor) {
        return new EntryRecord(
                e.conversationId(),
                e.seq(),
                actor,
                e.serverTimeMs(),
                e.kind(),
                e.body(),
                e.recalled(),
                e.clientMessageId(),
                e.searchText());
    }

    private static EntryRecord marker(long conversation, long seq, String kind) {
        return new EntryRecord(conversation, seq, 7, 1_000L * seq, kind, new byte[0], false, "", "");
    }

    private static List<String> seqs(LocalStore store, String query) {
        return store.entries().search(query, 50).stream()
                .map(e -> e.conversationId() + "#" + e.seq())
                .toList();
    }

    static EntryRecord message(long conversation, long seq, String text) {
        return new EntryRecord(
                conversation,
                seq,
                7,
                1_000L * seq,
                EntryRecord.MESSAGE,
                text.getBytes(StandardCharsets.UTF_8),
                false,
                "cm-" + conversation + "-" + seq,
                text);
    }
}
