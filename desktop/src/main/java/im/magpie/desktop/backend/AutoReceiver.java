package im.magpie.desktop.backend;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.chat.TransferListener;
import im.magpie.protocol.v1.MessageBody;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Auto-receive (F3): with the setting on, every file and folder message someone else sent that is unread when this
 * device stores it is saved into the download folder, whichever conversation it is in and whether or not a chat is
 * open: live, caught up by the sync after a reconnect, or found unread at the next start. A name that is taken gets a
 * number ("报告 (1).pdf"); a folder arrives as the same tree. Each message is taken once per run; one whose content is
 * already in the folder under its name (saved by an earlier run) is not saved again, and one an earlier run did not
 * finish resumes from its partial file. Pictures are left to the chat's image cache. With the setting off nothing is
 * saved by itself.
 */
final class AutoReceiver {
    /** Newest stored entries of a conversation looked at for unread files when the connection comes up. */
    static final int CATCH_UP_PAGE = 100;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AutoReceiver.class);

    /** Saves message {@code seq} into {@code folder} (not again when it is there); cancelling stops the transfer. */
    @FunctionalInterface
    interface Receive {
        CompletableFuture<Path> into(long conversationId, long seq, Path folder, TransferListener progress);
    }

    private final Supplier<MagpieClient> client;
    private final Executor reader;
    private final ReceiveSettings settings;
    private final Receive receive;
    private final BiConsumer<EntryRecord, Path> saved;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** {@code saved} hears (on a client thread) of every message saved, with where it went. */
    AutoReceiver(
            Supplier<MagpieClient> client,
            Executor reader,
            ReceiveSettings settings,
            Receive receive,
            BiConsumer<EntryRecord, Path> saved) {
        this.client = client;
        this.reader = reader;
        this.settings = settings;
        this.receive = receive;
        this.saved = saved;
    }

    /** Entries were stored (on a client thread): takes the unread file and folder messages of others among them. */
    void stored(List<EntryRecord> entries) {
        if (!settings.autoReceive()) {
            return;
        }
        MagpieClient c = client.get();
        Map<Long, Long> readSeqs = new java.util.HashMap<>();
        for (EntryRecord e : entries) {
            if (candidate(c, e)) {
                long read = readSeqs.computeIfAbsent(e.conversationId(), id -> readSeq(c, id));
                if (e.seq() > read) {
                    take(c, e);
                }
            }
        }
    }

    /** The connection came up: looks for unread files of others that no job took yet (stored while not running). */
    void catchUp() {
        if (!settings.autoReceive()) {
            return;
        }
        reader.execute(() -> {
            try {
                MagpieClient c = client.get();
                for (ConversationRecord r : c.conversations()) {
                    long read = readSeq(r, c.userId());
                    if (!r.active() || r.lastSeq() <= read) {
                        continue;
                    }
                    for (EntryRecord e : c.messages(r.id(), Long.MAX_VALUE, CATCH_UP_PAGE)) {
                        if (e.seq() > read && candidate(c, e)) {
                            take(c, e);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot look for unread files to receive", e);
            }
        });
    }

    /** The running or finished save of a message, followed through {@code progress}; empty when none was taken. */
    Optional<CompletableFuture<Path>> follow(long conversationId, long seq, TransferListener progress) {
        Job job = jobs.get(key(client.get().userId(), conversationId, seq));
        if (job == null) {
            return Optional.empty();
        }
        synchronized (job) {
            if (job.work.isCompletedExceptionally()) {
                return Optional.empty();
            }
            job.followers.add(progress);
            if (job.total > 0) {
                progress.progress(job.done, job.total);
            }
            return Optional.of(job.work);
        }
    }

    private boolean candidate(MagpieClient c, EntryRecord e) {
        if (!e.isMessage() || e.recalled() || e.actorUserId() == c.userId()) {
            return false;
        }
        try {
            MessageBody body = MessageBody.parseFrom(e.body());
            return body.hasFolder()
                    || (body.hasFile()
                            && !Content.Image.shows(
                                    body.getFile().getMediaType(),
                                    body.getFile().getName()));
        } catch (InvalidProtocolBufferException ex) {
            return false;
        }
    }

    private void take(MagpieClient c, EntryRecord e) {
        String key = key(c.userId(), e.conversationId(), e.seq());
        Job job = new Job();
        synchronized (job) { // followers wait until the transfer is there
            if (jobs.putIfAbsent(key, job) != null) {
                return;
            }
            job.work = receive.into(e.conversationId(), e.seq(), settings.downloadFolder(), job);
        }
        var unused = job.work.whenComplete((path, failure) -> {
            job.followers.clear();
            if (path != null) {
                saved.accept(e, path);
            } else if (!job.work.isCancelled()) {
                jobs.remove(key, job); // tried again at the next catch-up
                LOG.info("cannot receive {}#{} by itself: {}", e.conversationId(), e.seq(), failure.toString());
            }
        });
    }

    private static long readSeq(MagpieClient c, long conversationId) {
        return c.conversation(conversationId).map(r -> readSeq(r, c.userId())).orElse(Long.MAX_VALUE);
    }

    private static long readSeq(ConversationRecord r, long self) {
        return r.members().stream()
                .filter(m -> m.userId() == self)
                .mapToLong(MemberRecord::readSeq)
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }

    private static String key(long self, long conversationId, long seq) {
        return self + ":" + conversationId + ":" + seq;
    }

    /** One message being saved: its transfer, and the chats that follow its progress. */
    private static final class Job implements TransferListener {
        final List<TransferListener> followers = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Path> work = new CompletableFuture<>();
        volatile long done;
        volatile long total;

        @Override
        public void progress(long doneBytes, long totalBytes) {
            done = doneBytes;
            total = totalBytes;
            followers.forEach(f -> f.progress(doneBytes, totalBytes));
        }
    }
}
