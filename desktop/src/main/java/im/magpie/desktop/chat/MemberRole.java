package im.magpie.desktop.chat;

/** A member's role in a group: the owner (群主), an admin (管理员) or a plain member. */
public enum MemberRole {
    OWNER,
    ADMIN,
    MEMBER;

    /** Owner and admins rename the group, remove plain members and may @mention everyone. */
    public boolean manages() {
        return this != MEMBER;
    }

    /** The role named by the client library's member records ({@code OWNER}, {@code ADMIN}, anything else). */
    public static MemberRole of(String name) {
        return switch (name) {
            case "OWNER" -> OWNER;
            case "ADMIN" -> ADMIN;
            default -> MEMBER;
        };
    }
}
