package im.magpie.server.account;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link AccountService} over an {@link AccountStore}: validates names, hashes passwords. Disabling an account (which
 * revokes its sessions in the store) is reported to {@code sessionsEnded}, so that token checks served from memory end
 * at once.
 */
public final class StoredAccountService implements AccountService {
    public static final int MAX_PAGE = 1000;
    public static final int MAX_LOOKUP = 5000;

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Consumer<UserId> sessionsEnded;

    public StoredAccountService(
            AccountStore store, PasswordHasher hasher, Clock clock, Consumer<UserId> sessionsEnded) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionsEnded = sessionsEnded;
    }

    /** {@inheritDoc} Throws {@link IllegalArgumentException} for a malformed name, display name or password. */
    @Override
    public Account create(String account, String displayName, String password) throws AccountExistsException {
        String name = AccountNames.canonical(account);
        String display = AccountNames.displayName(displayName);
        String hash = hasher.hash(AccountNames.password(password));
        return store.insert(name, display, hash, clock.instant());
    }

    @Override
    public Account setDisabled(String account, boolean disabled) throws UnknownAccountException {
        Account changed = store.setDisabled(canonicalOrUnknown(account), disabled, clock.instant())
                .orElseThrow(() -> new UnknownAccountException(account));
        if (disabled) {
            sessionsEnded.accept(changed.id());
        }
        return changed;
    }

    @Override
    public void resetPassword(String account, String newPassword) throws UnknownAccountException {
        String hash = hasher.hash(AccountNames.password(newPassword));
        if (!store.setPasswordHash(canonicalOrUnknown(account), hash)) {
            throw new UnknownAccountException(account);
        }
    }

    @Override
    public Optional<Account> findByAccount(String account) {
        return AccountNames.isValid(account) ? store.findByAccount(AccountNames.canonical(account)) : Optional.empty();
    }

    @Override
    public List<Account> findByIds(Collection<UserId> ids) {
        checkLookup(ids.size());
        return ids.isEmpty() ? List.of() : store.findByIds(ids);
    }

    @Override
    public List<Account> findByAccounts(Collection<String> accounts) {
        checkLookup(accounts.size());
        List<String> names = accounts.stream()
                .filter(AccountNames::isValid)
                .map(AccountNames::canonical)
                .distinct()
                .toList();
        return names.isEmpty() ? List.of() : store.findByAccounts(names);
    }

    @Override
    public List<Account> list(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset >= 0 and limit 1.." + MAX_PAGE + " required");
        }
        return store.list(offset, limit);
    }

    @Override
    public DirectoryPage directory(UserId viewer, long afterId, int limit) {
        if (afterId < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("after_user_id >= 0 and limit 1.." + MAX_PAGE + " required");
        }
        List<DirectoryEntry> rows = store.directory(afterId, limit + 1);
        if (rows.size() <= limit) {
            return new DirectoryPage(rows, 0);
        }
        List<DirectoryEntry> page = rows.subList(0, limit);
        return new DirectoryPage(List.copyOf(page), page.get(limit - 1).id().value());
    }

    @Override
    public void setSignature(UserId user, String signature) throws UnknownAccountException {
        if (!store.setSignature(user, AccountNames.signature(signature))) {
            throw new UnknownAccountException("#" + user.value());
        }
    }

    private static String canonicalOrUnknown(String account) throws UnknownAccountException {
        if (!AccountNames.isValid(account)) {
            throw new UnknownAccountException(account);
        }
        return AccountNames.canonical(account);
    }

    private static void checkLookup(int size) {
        if (size > MAX_LOOKUP) {
            throw new IllegalArgumentException("at most " + MAX_LOOKUP + " ids per lookup");
        }
    }
}
