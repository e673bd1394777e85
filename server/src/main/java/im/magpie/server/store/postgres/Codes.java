package im.magpie.server.store.postgres;

import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.MemberRole;

/** The stored numbers of enums (never their ordinals): columns {@code conversations.kind}, {@code members.role}. */
final class Codes {
    private Codes() {}

    static short kind(ConversationKind kind) {
        return switch (kind) {
            case DIRECT -> 1;
            case GROUP -> 2;
            case SELF -> 3;
        };
    }

    static ConversationKind kind(short code) {
        return switch (code) {
            case 1 -> ConversationKind.DIRECT;
            case 2 -> ConversationKind.GROUP;
            case 3 -> ConversationKind.SELF;
            default -> throw new IllegalStateException("unknown conversation kind " + code);
        };
    }

    static short role(MemberRole role) {
        return switch (role) {
            case MEMBER -> 1;
            case ADMIN -> 2;
            case OWNER -> 3;
        };
    }

    static MemberRole role(short code) {
        return switch (code) {
            case 1 -> MemberRole.MEMBER;
            case 2 -> MemberRole.ADMIN;
            case 3 -> MemberRole.OWNER;
            default -> throw new IllegalStateException("unknown member role " + code);
        };
    }
}
