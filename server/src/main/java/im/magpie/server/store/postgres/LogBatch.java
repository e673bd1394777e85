package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageIdConflictException;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationModel;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.LogCommand;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.messaging.QuotedMessage;
import im.magpie.server.messaging.SendReceipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One group-commit transaction of the {@link LogWriter}: executes commands against the cached
 * conversation models, collects the log rows for one binary COPY ({@link LogCopy}), and at {@link #finish} writes the final member and
 * conversation state of everything touched. Nothing here commits; the writer does.
 */
final class LogBatch {
    private static final String OPEN_WINDOW =
            "INSERT INTO member_windows (conversation_id, user_id, from_pos) VALUES (?, ?, ?)";
    private static final String CLOSE_WINDOW =
            "UPDATE member_windows SET to_pos = ?" + " WHERE conversation_id = ? AND user_id = ? AND to_pos IS NULL";
    private static final String UPSERT_MEMBER = "INSERT INTO members"
            + " (conversation_id, user_id, role, read_seq, active, joined_pos) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (conversation_id, user_id) DO UPDATE SET role = EXCLUDED.role,"
            + " read_seq = EXCLUDED.read_seq, active = EXCLUDED.active, joined_pos = EXCLUDED.joined_pos";
    private static final String RENAME_CONVERSATION = "UPDATE conversations SET title = ? WHERE id = ?";
    private static final String INSERT_FILE_REF =
            "INSERT INTO file_refs (file_id, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final Connection con;
    private final ConversationCache cache;
    private final ConversationKeys keys;
    private final ConversationRules rules;
    private final Instant now;
    private final LogLookups lookups;
    private long nextPos;
    private final LogCopy rows = new LogCopy();
    private final Map<Long, ConversationModel> touched = new LinkedHashMap<>();
    private final Map<Long, List<LogEntry>> appended = new HashMap<>();
    private final Map<Long, Set<UserId>> removed = new HashMap<>();
    private final Map<Long, Set<UserId>> touchedMembers = new HashMap<>();
    private final Set<Long> renamed = new HashSet<>();
    private final Set<Map.Entry<String, Long>> fileRefs = new HashSet<>();
    private final Map<LogLookups.SendKey, SendReceipt> receipts = new HashMap<>();
    private final RepeatedSends repeated;
    private boolean committed;

    LogBatch(
            Connection con,
            ConversationCache cache,
            RepeatedSends repeated,
            ConversationKeys keys,
            ConversationRules rules,
            Instant now,
            long nextPos)
            throws SQLException {
        this.con = con;
        this.cache = cache;
        this.repeated = repeated;
        this.keys = keys;
        this.rules = rules;
        this.now = now;
        this.nextPos = nextPos;
        this.lookups = new LogLookups(con);
    }

    /**
     * Loads the receipts of earlier sends with the same (sender, client id) as any send of the batch (one query) and
     * remembers them as repeats. Without it a repeated send is refused by the unique index on (actor, client id).
     */
    void prefetchReceipts(List<LogCommand.Send> sends) throws SQLException {
        Map<LogLookups.SendKey, SendReceipt> found = lookups.receipts(sends);
        receipts.putAll(found);
        repeated.putAll(found);
    }

    /** The next free log position after this batch. */
    long nextPos() {
        return nextPos;
    }

    Map<Long, ConversationModel> touched() {
        return touched;
    }

    /** The entries this batch appended to the conversation, in seq order. */
    List<LogEntry> appendedTo(long conversation) {
        return appended.getOrDefault(conversation, List.of());
    }

    Set<UserId> removedFrom(long conversation) {
        return removed.getOrDefault(conversation, Set.of());
    }

    Object execute(LogCommand<?> command) throws MessagingException, SQLException {
        if (command instanceof LogCommand.Send send) {
            return send(send);
        } else if (command instanceof LogCommand.Recall recall) {
            return recall(recall);
        } else if (command instanceof LogCommand.MarkRead read) {
            return markRead(read);
        } else if (command instanceof LogCommand.OpenDirect direct) {
            return creation().openDirect(direct);
        } else if (command instanceof LogCommand.OpenSelf self) {
            return creation().openSelf(self);
        } else if (command instanceof LogCommand.CreateGroup group) {
            return creation().createGroup(group);
        } else if (command instanceof LogCommand.Rename c) {
            return appendAll(c.conversation(), c.caller(), m -> rules.rename(m, c.caller(), c.title()));
        } else if (command instanceof LogCommand.AddMembers c) {
            return addMembers(c);
        } else if (command instanceof LogCommand.RemoveMember c) {
            return appendAll(c.conversation(), c.caller(), m -> rules.removeMember(m, c.caller(), c.user()));
        } else if (command instanceof LogCommand.Leave c) {
            return appendAll(c.conversation(), c.caller(), m -> rules.leave(m, c.caller()));
        } else if (command instanceof LogCommand.SetSettings c) {
            return settings(c);
        } else if (command instanceof LogCommand.SetRole c) {
            return appendAll(c.conversation(), c.caller(), m -> rules.setRole(m, c.caller(), c.user(), c.role()));
        }
        throw new IllegalArgumentException(
                "unknown command " + command.getClass().getSimpleName());
    }

    private ConversationCreation creation() {
        return new ConversationCreation(this, lookups, rules, keys);
    }

    private SendReceipt send(LogCommand.Send send) throws MessagingException, SQLException {
        LogLookups.SendKey key = new LogLookups.SendKey(
                send.caller().value(), send.message().clientId().value());
        SendReceipt earlier = receipts.get(key);
        if (earlier == null) {
            earlier = repeated.get(key);
        }
        ConversationId conversation = send.message().conversation();
        if (earlier != null) {
            if (!earlier.conversation().equals(conversation)) {
                throw new ClientMessageIdConflictException("client message id already used in another conversation");
            }
            return earlier;
        }
        ConversationModel model = model(conversation);
        Change.MessagePosted change = rules.send(model, send.caller(), send.message());
        List<String> files = send.message().facts().fileIds();
        if (!files.isEmpty()) {
            flushRows();
            lookups.requireReadableFiles(send.caller(), files);
        }
        QuotedMessage quote = send.message().facts().quote();
        if (quote != null) {
            flushRows(); // the quoted message may be in this batch
            rules.quote(quote, lookups.messageSender(conversation, quote.seq()));
        }
        long seq = append(model, send.caller(), change, nextPos);
        for (String file : files) {
            fileRefs.add(Map.entry(file, conversation.value()));
        }
        SendReceipt receipt = new SendReceipt(conversation, seq, now);
        receipts.put(key, receipt);
        return receipt;
    }

    private Long recall(LogCommand.Recall recall) throws MessagingException, SQLException {
        ConversationModel model = model(recall.conversation());
        model.requireActive(recall.caller());
        flushRows();
        ConversationRules.RecallTarget target = lookups.recallTarget(recall.conversation(), recall.seq());
        List<Change> changes = rules.recall(model, recall.caller(), recall.seq(), target, now);
        if (changes.isEmpty() && target != null) {
            return target.recallSeq();
        }
        lookups.clearBody(recall.conversation(), recall.seq());
        return append(model, recall.caller(), changes.get(0), nextPos);
    }

    private Long markRead(LogCommand.MarkRead read) throws MessagingException, SQLException {
        ConversationModel model = model(read.conversation());
        for (Change change : rules.markRead(model, read.caller(), read.seq())) {
            append(model, read.caller(), change, nextPos);
        }
        return model.slot(read.caller()).readSeq();
    }

    /** Checks the target, then logs the change in the caller's SELF conversation (created on first use). */
    private Long settings(LogCommand.SetSettings c) throws MessagingException, SQLException {
        Change change = rules.settings(model(c.conversation()), c.caller(), c.muted(), c.pinned());
        ConversationState self = creation().openSelf(new LogCommand.OpenSelf(c.caller()));
        ConversationModel selfModel = model(self.id());
        return append(selfModel, c.caller(), change, nextPos);
    }

    private Object addMembers(LogCommand.AddMembers c) throws MessagingException, SQLException {
        ConversationModel model = model(c.conversation());
        model.requireActive(c.caller());
        lookups.requireUsers(c.users());
        return appendAll(c.conversation(), c.caller(), m -> rules.addMembers(m, c.caller(), c.users()));
    }

    /** A rule that plans changes for a model. */
    interface Plan {
        List<Change> changes(ConversationModel model) throws MessagingException;
    }

    private Object appendAll(ConversationId conversation, UserId caller, Plan plan)
            throws MessagingException, SQLException {
        ConversationModel model = model(conversation);
        List<Change> changes = plan.changes(model);
        long first = nextPos;
        for (Change change : changes) {
            append(model, caller, change, first);
        }
        return model.stateFor(caller);
    }

    ConversationModel model(ConversationId conversation) throws MessagingException, SQLException {
        return cache.get(con, conversation)
                .orElseThrow(() -> new ConversationNotFoundException("no conversation " + conversation.value()));
    }

    void adopt(ConversationModel model) {
        cache.put(model);
    }

    Instant now() {
        return now;
    }

    /** Appends one change as the next entry; {@code windowStart} is where members it adds start seeing the log. */
    long append(ConversationModel model, UserId actor, Change change, long windowStart) throws SQLException {
        long pos = nextPos++;
        long seq = model.apply(actor, change, pos);
        long id = model.id().value();
        LogRows.Columns columns = LogRows.columns(change);
        byte @Nullable [] sealed = change instanceof Change.MessagePosted posted
                ? keys.sealBody(id, seq, model.wrappedKey(), posted.body())
                : null;
        rows.add(
                pos,
                id,
                seq,
                actor.value(),
                now,
                columns.kind(),
                columns.clientMsgId(),
                sealed,
                columns.refSeq(),
                columns.subjectId(),
                columns.detail());
        touched.put(id, model);
        appended.computeIfAbsent(id, k -> new ArrayList<>()).add(new LogEntry(model.id(), seq, actor, now, change));
        memberEffects(id, actor, change, pos, windowStart);
        return seq;
    }

    private void memberEffects(long id, UserId actor, Change change, long pos, long windowStart) throws SQLException {
        Set<UserId> members = touchedMembers.computeIfAbsent(id, k -> new HashSet<>());
        if (change instanceof Change.ReadMarked) {
            members.add(actor);
        } else if (change instanceof Change.Renamed) {
            renamed.add(id);
        } else if (change instanceof Change.MembersAdded added) {
            for (var member : added.members()) {
                members.add(member.user());
                window(OPEN_WINDOW, id, member.user(), windowStart);
            }
        } else if (change instanceof Change.MemberRemoved gone) {
            members.add(gone.user());
            removed.computeIfAbsent(id, k -> new HashSet<>()).add(gone.user());
            window(CLOSE_WINDOW, id, gone.user(), pos);
        } else if (change instanceof Change.RoleChanged role) {
            members.add(role.user());
        }
    }

    private void window(String sql, long conversation, UserId user, long pos) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(sql)) {
            if (sql.equals(OPEN_WINDOW)) {
                st.setLong(1, conversation);
                st.setLong(2, user.value());
                st.setLong(3, pos);
            } else {
                st.setLong(1, pos);
                st.setLong(2, conversation);
                st.setLong(3, user.value());
            }
            st.executeUpdate();
        }
    }

    /**
     * Whether this batch committed itself at {@link #finish} (its log rows were all it wrote, so they went as one
     * COPY in autocommit mode); otherwise the writer commits.
     */
    boolean committed() {
        return committed;
    }

    /**
     * True when nothing of the batch has reached PostgreSQL yet (no look-up, no earlier flush: the transaction has not
     * begun) and its log rows are all it writes (no member state, title or file reference).
     */
    private boolean copyIsTheWholeTransaction() throws SQLException {
        if (rows.rows() == 0 || !renamed.isEmpty() || !fileRefs.isEmpty()) {
            return false;
        }
        for (Set<UserId> members : touchedMembers.values()) {
            if (!members.isEmpty()) {
                return false;
            }
        }
        return con.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    /** Stores the rows appended so far (one COPY), so that the queries that follow see them. */
    void flushRows() throws SQLException {
        rows.flush(con);
    }

    /**
     * Writes the pending rows, the final state of every touched member and the title of every renamed
     * conversation. A conversation's last seq is not stored: it is the highest seq of its log rows.
     */
    void finish() throws SQLException {
        if (copyIsTheWholeTransaction()) {
            // pgjdbc opens a transaction for a COPY with a BEGIN of its own, one more round trip to PostgreSQL
            // before the COPY's two. A COPY in autocommit mode is its own transaction instead, committed (and
            // flushed to disk) before PostgreSQL answers it: the same durability, half the round trips.
            con.setAutoCommit(true);
            flushRows();
            committed = true;
            return;
        }
        flushRows();
        try (PreparedStatement members = con.prepareStatement(UPSERT_MEMBER);
                PreparedStatement titles = con.prepareStatement(RENAME_CONVERSATION);
                PreparedStatement refs = con.prepareStatement(INSERT_FILE_REF)) {
            for (ConversationModel model : touched.values()) {
                for (UserId user : touchedMembers.getOrDefault(model.id().value(), Set.of())) {
                    ConversationModel.Slot slot = model.slot(user);
                    members.setLong(1, model.id().value());
                    members.setLong(2, user.value());
                    members.setShort(3, Codes.role(slot.role()));
                    members.setLong(4, slot.readSeq());
                    members.setBoolean(5, slot.active());
                    members.setLong(6, slot.joinedPos());
                    members.addBatch();
                }
                if (renamed.contains(model.id().value())) {
                    titles.setString(1, model.title());
                    titles.setLong(2, model.id().value());
                    titles.addBatch();
                }
            }
            for (Map.Entry<String, Long> ref : fileRefs) {
                refs.setString(1, ref.getKey());
                refs.setLong(2, ref.getValue());
                refs.addBatch();
            }
            members.executeBatch();
            titles.executeBatch();
            refs.executeBatch();
        }
    }
}
