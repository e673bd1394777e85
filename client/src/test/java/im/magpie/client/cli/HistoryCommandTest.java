package im.magpie.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.EntryRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCommandTest {
    static EntryRecord entry(long seq, String kind) {
        return new EntryRecord(5, seq, 7, 1_764_000_000_000L + seq, kind, new byte[0], false, "", "");
    }

    final List<EntryRecord> entries =
            List.of(entry(1, "created"), entry(2, "members_added"), entry(3, EntryRecord.MESSAGE));

    @Test
    void aDirectChatShowsOnlyItsMessages() {
        assertThat(HistoryCommand.shown(entries, false))
                .extracting(EntryRecord::seq)
                .containsExactly(3L);
    }

    @Test
    void aGroupKeepsItsNotices() {
        assertThat(HistoryCommand.shown(entries, true))
                .extracting(EntryRecord::seq)
                .containsExactly(1L, 2L, 3L);
    }
}
