package im.magpie.desktop.history;

import java.util.List;

/** A result row as shown: sender, conversation and time, and the text cut into highlighted fragments. */
public record HistoryResult(HistoryHit hit, String sender, String conversation, String time, List<Fragment> text) {
    public HistoryResult {
        text = List.copyOf(text);
    }
}
