package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the main window's view-models ask of the client library. Every call returns at once; the work runs off the
 * FX thread and the future completes on a client thread (view-models hop back with their executor).
 */
public interface ChatPort {
    /** The logged-in user's id. */
    long selfUserId();

    /** Whether the long connection is up now (later changes arrive as {@link ChatEvents#connectionChanged}). */
    boolean online();

    CompletableFuture<List<ConversationInfo>> conversations();

    /** The conversations among {@code ids} that the user is in (a message arrived: only its row is read again). */
    CompletableFuture<List<ConversationInfo>> conversations(Set<Long> ids);

    /** Up to {@code limit} messages below {@code beforeSeq} ({@link Long#MAX_VALUE}: newest), oldest first. */
    CompletableFuture<List<Message>> messages(long conversationId, long beforeSeq, int limit);

    /**
     * What was stored in the conversation after {@code afterSeq}, reading up to {@code limit} entries: an open chat asks
     * this when entries changed, instead of reading its newest page again.
     */
    CompletableFuture<LogChanges> changesAfter(long conversationId, long afterSeq, int limit);

    /** This device's messages to the conversation that the server has not acknowledged yet, oldest first. */
    CompletableFuture<List<PendingMessage>> pending(long conversationId);

    /** Display names of users (from the local cache first); unknown ids are missing from the map. */
    CompletableFuture<Map<Long, String>> displayNames(Collection<Long> userIds);

    /** The members of a conversation with their names, accounts and roles (from the local cache first). */
    CompletableFuture<List<Member>> members(long conversationId);

    /**
     * A search over {@code members} by name, account, full pinyin and pinyin initials ("zw" finds 张伟), built once
     * off the FX thread and then searched on it.
     */
    MemberSearch memberSearch(List<Member> members);

    /**
     * Queues a text with its @mentions and the message it quotes (see {@link OutgoingText}); completes with its client
     * message id once stored locally.
     */
    CompletableFuture<String> sendText(long conversationId, OutgoingText text);

    /**
     * Queues the content of the stored message at {@code seq} to every target conversation, marked as forwarded
     * (files by reference, nothing is uploaded again); completes with the client message ids in target order.
     */
    CompletableFuture<List<String>> forward(long conversationId, long seq, List<Long> targetConversationIds);

    /**
     * The excerpt a reply carries of the quoted message's {@code text}: on one line, cut (ending with "…") to the
     * longest the protocol allows. Pure and quick: called on the FX thread.
     */
    String excerpt(String text);

    /** The ids of the people whose name, account or pinyin (full or initials) matches {@code query}. */
    CompletableFuture<Set<Long>> peopleMatching(String query);

    /** Each member's read mark in the conversation (user id to the highest seq they read), as this device knows it. */
    CompletableFuture<Map<Long, Long>> readMarks(long conversationId);

    /**
     * Uploads then queues a file ({@code folder} false) or a whole folder; completes with the client message id.
     * Transfers report to {@code progress}; cancelling the returned future stops the transfer.
     */
    CompletableFuture<String> sendFile(long conversationId, Path path, boolean folder, TransferListener progress);

    /** Saves the file or folder of a message to {@code target} (replacing it); cancellable like {@link #sendFile}. */
    CompletableFuture<Path> download(long conversationId, long seq, Path target, TransferListener progress);

    /**
     * Saves the file or folder of a message into {@code folder} under its own name (made safe, numbered when taken);
     * completes with where it went. Cancellable like {@link #sendFile}.
     */
    CompletableFuture<Path> receive(long conversationId, long seq, Path folder, TransferListener progress);

    /**
     * The file or folder of message {@code seq} as auto-receive (F3) is saving or saved it into the download folder, if
     * it is: the future completes with where it went, and cancelling it stops the transfer; {@code progress} hears how
     * far it is. Empty when auto-receive did not take the message (it was off, the message was read or mine, or saving
     * failed).
     */
    java.util.Optional<CompletableFuture<Path>> autoReceived(long conversationId, long seq, TransferListener progress);

    /**
     * Where this device keeps the files and folders of messages, for those it remembers and that still exist: a
     * received one where it was saved (ref {@code "s" + seq}), an own one where it was sent from (ref {@code "c" +
     * clientMessageId}). The port remembers them itself as downloads and uploads complete.
     */
    CompletableFuture<Map<String, Path>> savedFiles(long conversationId, List<String> refs);

    /** A local copy of a stored image message, downloaded once into this device's image cache. */
    CompletableFuture<Path> image(long conversationId, long seq);

    CompletableFuture<Void> recall(long conversationId, long seq);

    CompletableFuture<Void> markRead(long conversationId, long seq);

    /** Mutes (do not disturb) or unmutes a conversation on all of the user's devices; completes once synced back. */
    CompletableFuture<Void> setMuted(long conversationId, boolean muted);

    /** Pins (listed first) or unpins a conversation on all of the user's devices; completes once synced back. */
    CompletableFuture<Void> setPinned(long conversationId, boolean pinned);

    CompletableFuture<ConversationInfo> openDirect(String account);

    CompletableFuture<ConversationInfo> openSelf();

    void addListener(ChatEvents listener);

    void removeListener(ChatEvents listener);
}
