package im.magpie.desktop.chat;

import java.util.Locale;

/** A member of a conversation as the @mention popup shows it: display name (account when blank) and account. */
public record Member(long userId, String name, String account) {

    public String initials() {
        return MessageTexts.initials(name);
    }

    /** Whether the lower-case {@code query} is part of the name or the account (empty matches everyone). */
    boolean matches(String query) {
        return name.toLowerCase(Locale.ROOT).contains(query)
                || account.toLowerCase(Locale.ROOT).contains(query);
    }
}
