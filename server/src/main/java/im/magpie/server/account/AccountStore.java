package im.magpie.server.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persistence port for accounts. Names passed in are already canonical (lowercased). */
public interface AccountStore {
    /** An account with its password hash, for login. */
    record Credentials(Account account, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + account + ", hash=***]";
        }
    }

    Account insert(String account, String displayName, String passwordHash, Instant now) throws AccountExistsException;

    Optional<Credentials> credentials(String account);

    /** Sets the flag; disabling also revokes every session of the account in the same transaction. */
    Optional<Account> setDisabled(String account, boolean disabled, Instant now);

    boolean setPasswordHash(String account, String passwordHash);

    Optional<Account> findByAccount(String account);

    Optional<Account> findById(UserId id);

    List<Account> findByIds(Collection<UserId> ids);

    List<Account> findByAccounts(Collection<String> accounts);

    List<Account> list(int offset, int limit);

    /** Up to {@code limit} enabled users with an id above {@code afterId}, in id order. */
    List<DirectoryEntry> directory(long afterId, int limit);

    /** False when the user does not exist. */
    boolean setSignature(UserId id, String signature);
}
