package im.magpie.client;

import im.magpie.client.store.PersonRecord;
import im.magpie.protocol.v1.DirectoryPage;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ListDirectoryRequest;
import im.magpie.protocol.v1.SetSignatureRequest;
import im.magpie.protocol.v1.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Directory requests of one session: fetch everyone the user may see into the people cache; set one's signature. */
final class Directory {
    static final int PAGE = 1000;

    private final ClientSession session;
    private final ClientRuntime rt;

    Directory(ClientSession session, ClientRuntime rt) {
        this.session = session;
        this.rt = rt;
    }

    /** Pages through the server's directory, then replaces the local people cache; completes with the count. */
    CompletableFuture<Integer> refresh() {
        List<PersonRecord> people = new ArrayList<>();
        return fetch(0, people)
                .thenApplyAsync(
                        done -> {
                            session.people().replace(people);
                            return people.size();
                        },
                        rt.io());
    }

    private CompletableFuture<Void> fetch(long after, List<PersonRecord> into) {
        Envelope.Builder request = Envelope.newBuilder()
                .setListDirectory(
                        ListDirectoryRequest.newBuilder().setAfterUserId(after).setLimit(PAGE));
        return session.request(request, Envelope.BodyCase.DIRECTORY_PAGE).thenCompose(reply -> {
            DirectoryPage page = reply.getDirectoryPage();
            for (UserInfo u : page.getUsersList()) {
                into.add(new PersonRecord(u.getUserId(), u.getAccount(), u.getDisplayName(), u.getSignature()));
            }
            return page.getNextAfterUserId() == 0
                    ? CompletableFuture.completedFuture(null)
                    : fetch(page.getNextAfterUserId(), into);
        });
    }

    /** Sets the user's signature on the server, then in the local cache. */
    CompletableFuture<Void> setSignature(String signature) {
        String stripped = signature.strip();
        Envelope.Builder request = Envelope.newBuilder()
                .setSetSignature(SetSignatureRequest.newBuilder().setSignature(stripped));
        return session.request(request, Envelope.BodyCase.ACK)
                .thenAcceptAsync(ack -> session.people().setSignature(session.userId(), stripped), rt.io());
    }
}
