package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Ack;
import im.magpie.protocol.v1.DirectoryPage;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ListDirectoryRequest;
import im.magpie.protocol.v1.UserInfo;
import im.magpie.server.account.AccountService;
import im.magpie.server.account.DirectoryEntry;
import im.magpie.server.account.UnknownAccountException;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.InvalidRequestException;

/** The directory requests of a logged-in connection: list the people one may see, set one's own signature. */
final class DirectoryRequests {
    static final int DEFAULT_PAGE = 500;

    private final AccountService accounts;

    DirectoryRequests(AccountService accounts) {
        this.accounts = accounts;
    }

    Envelope.Builder handle(UserId user, Envelope request, Envelope.Builder reply)
            throws InvalidRequestException, UnknownAccountException {
        try {
            return switch (request.getBodyCase()) {
                case LIST_DIRECTORY -> reply.setDirectoryPage(page(user, request.getListDirectory()));
                case SET_SIGNATURE -> {
                    accounts.setSignature(user, request.getSetSignature().getSignature());
                    yield reply.setAck(Ack.getDefaultInstance());
                }
                default -> throw new IllegalStateException("not a directory request: " + request.getBodyCase());
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(String.valueOf(e.getMessage()));
        }
    }

    private DirectoryPage page(UserId user, ListDirectoryRequest request) {
        int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
        im.magpie.server.account.DirectoryPage page = accounts.directory(user, request.getAfterUserId(), limit);
        DirectoryPage.Builder proto = DirectoryPage.newBuilder().setNextAfterUserId(page.nextAfter());
        for (DirectoryEntry e : page.entries()) {
            proto.addUsers(UserInfo.newBuilder()
                    .setUserId(e.id().value())
                    .setAccount(e.account())
                    .setDisplayName(e.displayName())
                    .setSignature(e.signature()));
        }
        return proto.build();
    }
}
