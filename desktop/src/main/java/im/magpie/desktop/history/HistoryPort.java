package im.magpie.desktop.history;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the history viewer asks of the client library. Every call returns at once; the work runs off the FX thread.
 */
public interface HistoryPort {
    /** One page of the local messages matching {@code query}, most recently stored first. */
    CompletableFuture<HistoryPage> search(HistoryQuery query);

    /** The people the user shares a conversation with (the sender filter), by display name. */
    CompletableFuture<List<Choice>> people();
}
