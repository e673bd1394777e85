package im.magpie.desktop.backend;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.UserRecord;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.notify.Incoming;
import im.magpie.desktop.notify.IncomingListener;
import im.magpie.desktop.notify.NotifyPort;
import im.magpie.protocol.v1.LogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link NotifyPort} over the entries the client library stores: each stored message is told to the listeners with its
 * conversation's kind, title and mute setting and the sender's name (resolved on the backend's reader thread, names
 * from the local cache first); recalls and the user's own read marks are passed on as such.
 */
final class BackendNotifications implements NotifyPort {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackendNotifications.class);

    private final Supplier<MagpieClient> client;
    private final Executor reader;
    private final List<IncomingListener> listeners = new CopyOnWriteArrayList<>();

    BackendNotifications(Supplier<MagpieClient> client, Executor reader) {
        this.client = client;
        this.reader = reader;
    }

    @Override
    public long selfUserId() {
        return client.get().userId();
    }

    @Override
    public void addIncomingListener(IncomingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeIncomingListener(IncomingListener listener) {
        listeners.remove(listener);
    }

    /** Called with every batch of stored entries (on a client thread). */
    void stored(List<EntryRecord> entries) {
        if (listeners.isEmpty()) {
            return;
        }
        MagpieClient c = client.get();
        long self = c.userId();
        List<EntryRecord> messages = new ArrayList<>();
        for (EntryRecord e : entries) {
            if (e.isMessage()) {
                messages.add(e);
            } else if ("recalled".equals(e.kind())) {
                change(e)
                        .ifPresent(l -> listeners.forEach(x ->
                                x.recalled(e.conversationId(), l.getRecalled().getTargetSeq())));
            } else if ("read".equals(e.kind()) && e.actorUserId() == self) {
                change(e)
                        .ifPresent(l -> listeners.forEach(
                                x -> x.read(e.conversationId(), l.getRead().getReadSeq())));
            }
        }
        if (!messages.isEmpty()) {
            CompletableFuture<List<Incoming>> resolved =
                    CompletableFuture.completedFuture(messages).thenComposeAsync(m -> resolve(c, m), reader);
            var unused = resolved.whenComplete((incoming, failure) -> {
                if (failure != null) {
                    LOG.warn("cannot prepare notifications for {} messages", messages.size(), failure);
                } else {
                    listeners.forEach(l -> l.arrived(incoming));
                }
            });
        }
    }

    /** Auto-receive saved the file or folder of a stored message to {@code path} (on a client thread). */
    void saved(EntryRecord message, java.nio.file.Path path) {
        if (listeners.isEmpty()) {
            return;
        }
        MagpieClient c = client.get();
        var unused = CompletableFuture.completedFuture(List.of(message))
                .thenComposeAsync(m -> resolve(c, m), reader)
                .whenComplete((incoming, failure) -> {
                    if (failure != null) {
                        LOG.warn("cannot prepare the notification of a received file", failure);
                    } else {
                        incoming.forEach(m -> listeners.forEach(l -> l.saved(m, path)));
                    }
                });
    }

    private static Optional<LogEntry> change(EntryRecord e) {
        try {
            return Optional.of(LogEntry.parseFrom(e.body()));
        } catch (InvalidProtocolBufferException ex) {
            return Optional.empty();
        }
    }

    /** The messages with their conversations' state (store reads) and, once known, their senders' names. */
    private static CompletableFuture<List<Incoming>> resolve(MagpieClient c, List<EntryRecord> messages) {
        Map<Long, ConversationSettings> settings = c.conversationSettings();
        Map<Long, Optional<ConversationRecord>> conversations = new HashMap<>();
        Set<Long> senders = new TreeSet<>();
        messages.forEach(e -> {
            conversations.computeIfAbsent(e.conversationId(), c::conversation);
            senders.add(e.actorUserId());
        });
        return c.users(List.copyOf(senders)).handle((users, failure) -> {
            Map<Long, String> names = new HashMap<>();
            if (users != null) {
                for (UserRecord u : users) {
                    names.put(u.userId(), u.displayName().isBlank() ? u.account() : u.displayName());
                }
            }
            List<Incoming> out = new ArrayList<>();
            for (EntryRecord e : messages) {
                Optional<Message> m = EntryDecoder.decode(e);
                Optional<ConversationRecord> r = conversations.get(e.conversationId());
                if (m.isEmpty() || r == null || r.isEmpty()) {
                    continue;
                }
                out.add(new Incoming(
                        e.conversationId(),
                        e.seq(),
                        ConversationKind.of(r.get().kind()),
                        r.get().title(),
                        settings.getOrDefault(e.conversationId(), ConversationSettings.NONE)
                                .muted(),
                        e.actorUserId(),
                        names.getOrDefault(e.actorUserId(), "#" + e.actorUserId()),
                        e.serverTimeMs(),
                        m.get().content(),
                        e.recalled()));
            }
            return out;
        });
    }
}
