package im.magpie.desktop.chat;

import java.util.Locale;

/**
 * A member of a conversation as the @mention popup and the group panel show it: display name (account when blank),
 * account and role in the group.
 */
public record Member(long userId, String name, String account, MemberRole role) {

    /** A plain member. */
    public Member(long userId, String name, String account) {
        this(userId, name, account, MemberRole.MEMBER);
    }

    public String initials() {
        return MessageTexts.initials(name);
    }

    /** Whether the lower-case {@code query} is part of the name or the account (empty matches everyone). */
    boolean matches(String query) {
        return name.toLowerCase(Locale.ROOT).contains(query)
                || account.toLowerCase(Locale.ROOT).contains(query);
    }
}
