package im.magpie.server.messaging;

/** A member's role in a group; direct and self conversations have only members. */
public enum MemberRole {
    MEMBER,
    ADMIN,
    OWNER
}
