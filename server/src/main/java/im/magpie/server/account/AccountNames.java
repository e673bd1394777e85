package im.magpie.server.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for account names (case-insensitive, stored lowercased) and display names. */
public final class AccountNames {
    public static final int MAX_ACCOUNT_CHARS = 64;
    public static final int MAX_DISPLAY_NAME_CHARS = 64;
    public static final int MAX_PASSWORD_CHARS = 1024;
    public static final int MAX_SIGNATURE_CHARS = 100;
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_ACCOUNT_CHARS + "}");

    private AccountNames() {}

    /** The canonical (lowercased) account name; throws {@link IllegalArgumentException} when malformed. */
    public static String canonical(String account) {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException(
                    "account must be 1.." + MAX_ACCOUNT_CHARS + " characters of letters, digits, '.', '_', '-', '@'");
        }
        return account.toLowerCase(Locale.ROOT);
    }

    /** True when {@code account} is well formed. */
    public static boolean isValid(String account) {
        return ACCOUNT.matcher(account).matches();
    }

    public static String displayName(String displayName) {
        String stripped = displayName.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > MAX_DISPLAY_NAME_CHARS || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("display name must be 1.." + MAX_DISPLAY_NAME_CHARS + " characters");
        }
        return stripped;
    }

    /** The signature without surrounding blanks; 0..100 characters, no control characters (no line breaks). */
    public static String signature(String signature) {
        String stripped = signature.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_SIGNATURE_CHARS || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "signature must be at most " + MAX_SIGNATURE_CHARS + " characters on one line");
        }
        return stripped;
    }

    public static String password(String password) {
        if (password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password must be 1.." + MAX_PASSWORD_CHARS + " characters");
        }
        return password;
    }
}
