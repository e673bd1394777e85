package im.magpie.server.transport.tcp;

import im.magpie.server.account.Account;
import im.magpie.server.account.AccountService;
import im.magpie.server.account.DirectoryEntry;
import im.magpie.server.account.DirectoryPage;
import im.magpie.server.account.UnknownAccountException;
import im.magpie.server.account.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** alice and bob. */
final class FakeAccounts implements AccountService {
    private static final List<Account> ALL = List.of(FakeSessions.ALICE, FakeSessions.BOB);

    @Override
    public Account create(String account, String displayName, String password) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public Account setDisabled(String account, boolean disabled) throws UnknownAccountException {
        throw new UnknownAccountException(account);
    }

    @Override
    public void resetPassword(String account, String newPassword) throws UnknownAccountException {
        throw new UnknownAccountException(account);
    }

    @Override
    public Optional<Account> findByAccount(String account) {
        return ALL.stream().filter(a -> a.account().equals(account)).findFirst();
    }

    @Override
    public List<Account> findByIds(Collection<UserId> ids) {
        return ALL.stream().filter(a -> ids.contains(a.id())).toList();
    }

    @Override
    public List<Account> findByAccounts(Collection<String> accounts) {
        return ALL.stream().filter(a -> accounts.contains(a.account())).toList();
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return ALL;
    }

    @Override
    public DirectoryPage directory(UserId viewer, long afterId, int limit) {
        return new DirectoryPage(
                ALL.stream()
                        .filter(a -> a.id().value() > afterId)
                        .map(a -> new DirectoryEntry(a.id(), a.account(), a.displayName(), ""))
                        .toList(),
                0);
    }

    @Override
    public void setSignature(UserId user, String signature) throws UnknownAccountException {
        throw new UnknownAccountException("#" + user.value());
    }
}
