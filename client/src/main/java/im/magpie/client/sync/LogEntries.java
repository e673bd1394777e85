package im.magpie.client.sync;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.SyncBatch;
import im.magpie.protocol.v1.ConversationKind;
import im.magpie.protocol.v1.ConversationState;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Member;
import im.magpie.protocol.v1.MemberRole;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.SyncResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps the wire's log entries and conversation states to the store's records. */
public final class LogEntries {
    private LogEntries() {}

    /** One sync page as a store batch (entries, recalls, read marks, states, cursor). */
    public static SyncBatch toBatch(SyncResponse page) {
        List<ConversationRecord> states = new ArrayList<>();
        for (ConversationState s : page.getConversationsList()) {
            states.add(toRecord(s));
        }
        return toBatch(page.getEntriesList(), states, page.getNextCursor().toByteArray());
    }

    /** Entries a notification carried inline as a store batch: no states, no cursor (see LocalStore#applyPushedBatch). */
    public static SyncBatch toPushedBatch(List<LogEntry> entries) {
        return toBatch(entries, List.of(), new byte[0]);
    }

    private static SyncBatch toBatch(List<LogEntry> log, List<ConversationRecord> states, byte[] nextCursor) {
        List<EntryRecord> entries = new ArrayList<>();
        List<SyncBatch.Recall> recalls = new ArrayList<>();
        List<SyncBatch.ReadMark> reads = new ArrayList<>();
        List<SyncBatch.Setting> settings = new ArrayList<>();
        for (LogEntry e : log) {
            entries.add(toRecord(e));
            switch (e.getChangeCase()) {
                case RECALLED ->
                    recalls.add(new SyncBatch.Recall(
                            e.getConversationId(), e.getRecalled().getTargetSeq()));
                case READ ->
                    reads.add(new SyncBatch.ReadMark(
                            e.getConversationId(),
                            e.getActorUserId(),
                            e.getRead().getReadSeq()));
                case SETTINGS_CHANGED ->
                    settings.add(new SyncBatch.Setting(
                            e.getSettingsChanged().getTargetConversationId(),
                            new ConversationSettings(
                                    e.getSettingsChanged().getMuted(),
                                    e.getSettingsChanged().getPinned())));
                default -> {
                    // stored as an entry only; the conversation state carries the effect
                }
            }
        }
        return new SyncBatch(entries, recalls, reads, states, nextCursor, settings);
    }

    /** A log entry as stored: messages keep their serialized body, other changes the whole serialized entry. */
    public static EntryRecord toRecord(LogEntry e) {
        if (e.getChangeCase() == LogEntry.ChangeCase.MESSAGE) {
            MessagePosted m = e.getMessage();
            boolean recalled = m.getRecalled();
            byte[] body = recalled ? new byte[0] : m.getBody().toByteArray();
            return new EntryRecord(
                    e.getConversationId(),
                    e.getSeq(),
                    e.getActorUserId(),
                    e.getServerTimeMs(),
                    EntryRecord.MESSAGE,
                    body,
                    recalled,
                    m.getClientMessageId(),
                    recalled ? "" : searchText(m.getBody()));
        }
        return new EntryRecord(
                e.getConversationId(),
                e.getSeq(),
                e.getActorUserId(),
                e.getServerTimeMs(),
                kind(e.getChangeCase()),
                e.toByteArray(),
                false,
                "",
                "");
    }

    public static ConversationRecord toRecord(ConversationState s) {
        List<MemberRecord> members = new ArrayList<>();
        for (Member m : s.getMembersList()) {
            members.add(new MemberRecord(m.getUserId(), role(m.getRole()), m.getReadSeq()));
        }
        return new ConversationRecord(
                s.getConversationId(), kind(s.getKind()), s.getTitle(), s.getLastSeq(), s.getActive(), members);
    }

    /** The text the search index holds for a message: its text, or file and folder names. */
    public static String searchText(MessageBody body) {
        return switch (body.getContentCase()) {
            case TEXT -> body.getText().getText();
            case FILE -> body.getFile().getName();
            case FOLDER -> {
                StringBuilder sb = new StringBuilder(body.getFolder().getName());
                for (FolderEntry f : body.getFolder().getEntriesList()) {
                    sb.append(' ').append(f.getPath());
                }
                yield sb.toString();
            }
            case CONTENT_NOT_SET -> "";
        };
    }

    static String kind(LogEntry.ChangeCase change) {
        return change.name().toLowerCase(Locale.ROOT);
    }

    public static String kind(ConversationKind kind) {
        return kind.name().replaceFirst("^CONVERSATION_KIND_", "");
    }

    public static String role(MemberRole role) {
        return role.name().replaceFirst("^MEMBER_ROLE_", "");
    }
}
