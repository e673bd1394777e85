package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MemberRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Change} maps to the columns of table {@code log}: {@code kind}, {@code client_msg_id},
 * {@code body} (sealed), {@code recalled}, {@code ref_seq}, {@code subject_id}, {@code detail}.
 */
final class LogRows {
    static final short MESSAGE = 1;
    static final short RECALL = 2;
    static final short READ = 3;
    static final short CREATED = 4;
    static final short MEMBERS_ADDED = 5;
    static final short MEMBER_REMOVED = 6;
    static final short RENAMED = 7;
    static final short ROLE_CHANGED = 8;
    /** subject_id: the target conversation; ref_seq: bit 0 muted, bit 1 pinned. */
    static final short SETTINGS = 9;

    /** Column values of one row other than position, ids, time and the sealed body. */
    record Columns(
            short kind,
            @Nullable UUID clientMsgId,
            @Nullable Long refSeq,
            @Nullable Long subjectId,
            @Nullable String detail) {}

    /**
     * The last seq of conversation {@code c} (a row of {@code conversations} in the query): the highest seq of its
     * log rows, one backward step on the index {@code (conversation_id, seq)}. It is not stored on the conversation
     * row, so that appending a message writes no row but its own.
     */
    static final String LAST_SEQ = "coalesce((SELECT max(l.seq) FROM log l WHERE l.conversation_id = c.id), 0)";

    private LogRows() {}

    static Columns columns(Change change) {
        if (change instanceof Change.MessagePosted m) {
            return new Columns(MESSAGE, m.clientId().value(), null, null, null);
        } else if (change instanceof Change.MessageRecalled r) {
            return new Columns(RECALL, null, r.targetSeq(), null, null);
        } else if (change instanceof Change.ReadMarked r) {
            return new Columns(READ, null, r.readSeq(), null, null);
        } else if (change instanceof Change.ConversationCreated c) {
            return new Columns(CREATED, null, null, null, c.kind().name() + ":" + c.title());
        } else if (change instanceof Change.MembersAdded a) {
            return new Columns(MEMBERS_ADDED, null, null, null, members(a.members()));
        } else if (change instanceof Change.MemberRemoved r) {
            return new Columns(
                    MEMBER_REMOVED, null, r.left() ? 1L : 0L, r.user().value(), null);
        } else if (change instanceof Change.Renamed r) {
            return new Columns(RENAMED, null, null, null, r.title());
        } else if (change instanceof Change.RoleChanged r) {
            return new Columns(
                    ROLE_CHANGED, null, null, r.user().value(), r.role().name());
        } else if (change instanceof Change.SettingsChanged s) {
            return new Columns(
                    SETTINGS,
                    null,
                    (s.muted() ? 1L : 0L) | (s.pinned() ? 2L : 0L),
                    s.target().value(),
                    null);
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getSimpleName());
    }

    /** Rebuilds a change from its columns; {@code body} is the already decrypted body (empty when recalled). */
    static Change change(
            short kind,
            @Nullable UUID clientMsgId,
            byte[] body,
            boolean recalled,
            long refSeq,
            long subjectId,
            @Nullable String detail) {
        String text = detail == null ? "" : detail;
        return switch (kind) {
            case MESSAGE ->
                new Change.MessagePosted(
                        new ClientMessageId(clientMsgId == null ? new UUID(0, 0) : clientMsgId), body, recalled);
            case RECALL -> new Change.MessageRecalled(refSeq);
            case READ -> new Change.ReadMarked(refSeq);
            case CREATED -> {
                String[] parts = text.split(":", 2);
                yield new Change.ConversationCreated(
                        ConversationKind.valueOf(parts[0]), parts.length > 1 ? parts[1] : "");
            }
            case MEMBERS_ADDED -> new Change.MembersAdded(parseMembers(text));
            case MEMBER_REMOVED -> new Change.MemberRemoved(new UserId(subjectId), refSeq == 1);
            case RENAMED -> new Change.Renamed(text);
            case ROLE_CHANGED -> new Change.RoleChanged(new UserId(subjectId), MemberRole.valueOf(text));
            case SETTINGS ->
                new Change.SettingsChanged(new ConversationId(subjectId), (refSeq & 1) != 0, (refSeq & 2) != 0);
            default -> throw new IllegalStateException("unknown log entry kind " + kind);
        };
    }

    private static String members(List<Member> members) {
        StringBuilder text = new StringBuilder();
        for (Member m : members) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(m.user().value())
                    .append(':')
                    .append(m.role().name())
                    .append(':')
                    .append(m.readSeq());
        }
        return text.toString();
    }

    private static List<Member> parseMembers(String text) {
        List<Member> members = new ArrayList<>();
        if (text.isEmpty()) {
            return members;
        }
        for (String item : text.split(",", -1)) {
            String[] parts = item.split(":", -1);
            members.add(new Member(
                    new UserId(Long.parseLong(parts[0])), MemberRole.valueOf(parts[1]), Long.parseLong(parts[2])));
        }
        return List.copyOf(members);
    }
}
