package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MemberRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The state a former member may see: the conversation as it was when their last membership window
 * closed (title, members and roles then, last seq = their removal entry), rebuilt by replaying the
 * membership entries up to that position (index {@code log_membership}). Read marks are the
 * current ones, capped at that seq.
 */
final class FormerMemberView {
    private static final String LAST_WINDOW =
            "SELECT max(to_pos) FROM member_windows WHERE conversation_id = ? AND user_id = ?";
    private static final String SEQ_AT = "SELECT seq FROM log WHERE conversation_id = ? AND pos = ?";
    private static final String MEMBERSHIP = "SELECT kind, ref_seq, subject_id, detail FROM log"
            + " WHERE conversation_id = ? AND pos <= ? AND kind IN (" + LogRows.CREATED + ", " + LogRows.MEMBERS_ADDED
            + ", " + LogRows.MEMBER_REMOVED + ", " + LogRows.RENAMED + ", " + LogRows.ROLE_CHANGED + ")"
            + " ORDER BY pos";
    private static final byte[] NO_BODY = new byte[0];

    private FormerMemberView() {}

    static ConversationState state(
            Connection con, ConversationId id, ConversationKind kind, Map<UserId, Long> readSeqs, UserId viewer)
            throws SQLException {
        long until = single(con, LAST_WINDOW, id.value(), viewer.value());
        long lastSeq = single(con, SEQ_AT, id.value(), until);
        String title = "";
        Map<UserId, MemberRole> members = new LinkedHashMap<>();
        try (PreparedStatement st = con.prepareStatement(MEMBERSHIP)) {
            st.setLong(1, id.value());
            st.setLong(2, until);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Change change = LogRows.change(
                            rs.getShort(1), (UUID) null, NO_BODY, false, rs.getLong(2), rs.getLong(3), rs.getString(4));
                    title = replay(change, members, title);
                }
            }
        }
        List<Member> list = new ArrayList<>();
        members.forEach((user, role) ->
                list.add(new Member(user, role, Math.min(readSeqs.getOrDefault(user, 0L), lastSeq))));
        return new ConversationState(id, kind, title, List.copyOf(list), lastSeq, false);
    }

    private static String replay(Change change, Map<UserId, MemberRole> members, String title) {
        if (change instanceof Change.ConversationCreated created) {
            return created.title();
        } else if (change instanceof Change.Renamed renamed) {
            return renamed.title();
        } else if (change instanceof Change.MembersAdded added) {
            for (Member m : added.members()) {
                members.remove(m.user());
                members.put(m.user(), m.role());
            }
        } else if (change instanceof Change.MemberRemoved removed) {
            members.remove(removed.user());
        } else if (change instanceof Change.RoleChanged role) {
            members.replace(role.user(), role.role());
        }
        return title;
    }

    private static long single(Connection con, String sql, long... args) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
