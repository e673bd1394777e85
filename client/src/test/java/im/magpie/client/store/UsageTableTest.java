package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTableTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = 400 * DAY;
    private static final long SELF = 7;
    private static final long PEER = 8;

    @TempDir
    Path dir;

    private LocalStore open() throws Exception {
        return LocalStore.open(
                dir.resolve("u.db"), new DeviceKeyProtector(new FakeMachine("m", "u"), new SecureRandom()));
    }

    @Test
    void recentUseOutranksMoreUseLongAgo() throws Exception {
        try (LocalStore store = open()) {
            for (int i = 0; i < 10; i++) {
                store.usage().record(1, NOW - 60 * DAY); // ten messages two months ago
            }
            store.usage().record(2, NOW - DAY); // two messages this week
            store.usage().record(2, NOW - 2 * DAY);
            store.usage().record(3, NOW - 3 * DAY); // one

            assertThat(store.usage().ranked(NOW, 10)).containsExactly(2L, 3L, 1L);
            assertThat(store.usage().ranked(NOW, 2)).containsExactly(2L, 3L);
            // A year later nothing is frequent any more.
            assertThat(store.usage().ranked(NOW + 365 * DAY, 10)).isEmpty();
        }
    }

    @Test
    void aScoreHalvesEveryHalfLifeAndSurvivesReopening() throws Exception {
        try (LocalStore store = open()) {
            store.usage().record(5, NOW);
        }
        try (LocalStore store = open()) {
            store.usage().record(5, NOW + UsageTable.HALF_LIFE.toMillis());
            store.usage().record(6, NOW + UsageTable.HALF_LIFE.toMillis());
            store.usage().record(6, NOW + UsageTable.HALF_LIFE.toMillis());

            // 5 holds 1/2 + 1 = 1.5 against 6's 2.
            assertThat(store.usage().ranked(NOW + UsageTable.HALF_LIFE.toMillis(), 10))
                    .containsExactly(6L, 5L);
        }
        assertThat(UsageTable.decayed(1.5, 0, UsageTable.HALF_LIFE.toMillis())).isCloseTo(0.75, within(1e-9));
        assertThat(UsageTable.decayed(1.0, 10, 5)).isEqualTo(1.0);
    }

    @Test
    void seedsOnceFromOwnRecentMessagesOnly() throws Exception {
        try (LocalStore store = open()) {
            List<EntryRecord> rows = new ArrayList<>();
            long seq = 0;
            for (int i = 0; i < 3; i++) {
                rows.add(message(10, ++seq, SELF, NOW - DAY)); // own, recent: counts
            }
            for (int i = 0; i < 5; i++) {
                rows.add(message(11, ++seq, PEER, NOW - DAY)); // someone else's: does not count
            }
            rows.add(message(12, ++seq, SELF, NOW - DAY));
            rows.add(message(13, ++seq, SELF, NOW - UsageTable.SEED_WINDOW.toMillis() - DAY)); // too old
            rows.add(new EntryRecord(14, ++seq, SELF, NOW - DAY, "renamed", new byte[] {1}, false, "", ""));
            store.entries().upsertAll(rows);

            store.usage().seedOnce(SELF, NOW);
            store.usage().seedOnce(SELF, NOW); // no double counting

            assertThat(store.usage().ranked(NOW, 10)).containsExactly(10L, 12L);
        }
    }

    private static EntryRecord message(long conversation, long seq, long actor, long atMs) {
        return new EntryRecord(
                conversation, seq, actor, atMs, EntryRecord.MESSAGE, new byte[] {1}, false, "c" + seq, "hi");
    }
}
