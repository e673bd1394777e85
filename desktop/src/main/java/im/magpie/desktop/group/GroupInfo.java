package im.magpie.desktop.group;

import im.magpie.desktop.chat.Member;
import java.util.List;

/**
 * A group as this device knows it: title, whether the user still belongs ({@code active}), the user's mute setting,
 * and its members with roles, longest-standing first.
 */
public record GroupInfo(long id, String title, boolean active, boolean muted, List<Member> members) {
    public GroupInfo {
        members = List.copyOf(members);
    }
}
