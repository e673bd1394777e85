package im.magpie.server.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Creates and changes user accounts. Account names are case-insensitive, 1..64 characters of
 * letters, digits, '.', '_', '-' or '@'; display names 1..64 characters.
 */
public interface AccountService {
    /** Creates a user; the password is stored only as an Argon2id hash. */
    Account create(String account, String displayName, String password) throws AccountExistsException;

    /** Disabling also ends every session of the account (callers then kick its devices). */
    Account setDisabled(String account, boolean disabled) throws UnknownAccountException;

    void resetPassword(String account, String newPassword) throws UnknownAccountException;

    Optional<Account> findByAccount(String account);

    /** Accounts for the ids that exist, in no particular order. */
    List<Account> findByIds(Collection<UserId> ids);

    /** Accounts for the names that exist, in no particular order. */
    List<Account> findByAccounts(Collection<String> accounts);

    List<Account> list(int offset, int limit);

    /**
     * The people {@code viewer} may see, {@code limit} (1..{@value StoredAccountService#MAX_PAGE}) at a time after
     * user id {@code afterId}: every enabled account, the viewer included (department rules come with the directory
     * feature). Throws {@link IllegalArgumentException} for a bad page.
     */
    DirectoryPage directory(UserId viewer, long afterId, int limit);

    /** Sets the user's own signature (see {@link AccountNames#signature}); empty clears it. */
    void setSignature(UserId user, String signature) throws UnknownAccountException;
}
