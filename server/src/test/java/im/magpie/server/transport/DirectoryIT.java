package im.magpie.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.DirectoryPage;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.ListDirectoryRequest;
import im.magpie.protocol.v1.SetSignatureRequest;
import im.magpie.protocol.v1.UserInfo;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory listing and signatures over the real gateway and PostgreSQL. */
@Tag("integration")
class DirectoryIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @BeforeAll
    static void users() throws Exception {
        for (String a : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gone")) {
            server.createUser(a);
        }
        server.server().core().accounts().setDisabled("gone", true);
    }

    @Test
    void listsEveryEnabledUserPageByPageInIdOrder() throws Exception {
        try (TestDevice alice = server.loggedIn("alice")) {
            List<UserInfo> all = new ArrayList<>();
            long after = 0;
            int pages = 0;
            do {
                DirectoryPage page = alice.request(list(after, 2)).getDirectoryPage();
                assertThat(page.getUsersCount()).isBetween(1, 2);
                all.addAll(page.getUsersList());
                after = page.getNextAfterUserId();
                pages++;
            } while (after != 0);

            assertThat(pages).isEqualTo(3);
            assertThat(all)
                    .extracting(UserInfo::getAccount)
                    .containsExactly("alice", "bob", "carol", "dave", "erin", "frank");
            assertThat(all).extracting(UserInfo::getUserId).isSorted().doesNotHaveDuplicates();
            assertThat(all).extracting(UserInfo::getDisplayName).contains("CAROL");
            assertThat(all).noneMatch(UserInfo::getDisabled);

            DirectoryPage whole = alice.request(list(0, 0)).getDirectoryPage();
            assertThat(whole.getUsersCount()).isEqualTo(6);
            assertThat(whole.getNextAfterUserId()).isZero();
        }
    }

    @Test
    void aSignatureIsStrippedStoredAndSeenByOthers() throws Exception {
        try (TestDevice bob = server.loggedIn("bob");
                TestDevice carol = server.loggedIn("carol")) {
            Envelope ack = bob.request(signature("  出差中，有事请留言  "));
            assertThat(ack.hasAck()).as("reply %s", ack).isTrue();

            assertThat(signatureOf(carol, "bob")).isEqualTo("出差中，有事请留言");
            assertThat(signatureOf(carol, "carol")).isEmpty();

            bob.request(signature(""));
            assertThat(signatureOf(carol, "bob")).isEmpty();
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        try (TestDevice dave = server.loggedIn("dave")) {
            dave.request(signature("在开会"));

            assertThat(errorOf(dave.request(signature("长".repeat(101))))).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(errorOf(dave.request(signature("two\nlines")))).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(signatureOf(dave, "dave")).isEqualTo("在开会");
            assertThat(dave.request(signature("长".repeat(100))).hasAck()).isTrue();

            assertThat(errorOf(dave.request(list(0, 1001)))).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(errorOf(dave.request(list(0, -1)))).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(errorOf(dave.request(list(-5, 10)))).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(dave.request(list(Long.MAX_VALUE, 10)).getDirectoryPage().getUsersCount())
                    .isZero();
        }
    }

    private static String signatureOf(TestDevice device, String account) throws Exception {
        return device.request(list(0, 1000)).getDirectoryPage().getUsersList().stream()
                .filter(u -> u.getAccount().equals(account))
                .findFirst()
                .orElseThrow()
                .getSignature();
    }

    private static ErrorCode errorOf(Envelope reply) {
        assertThat(reply.hasError()).as("reply %s", reply).isTrue();
        return reply.getError().getCode();
    }

    private static Envelope.Builder list(long after, int limit) {
        return Envelope.newBuilder()
                .setListDirectory(
                        ListDirectoryRequest.newBuilder().setAfterUserId(after).setLimit(limit));
    }

    private static Envelope.Builder signature(String text) {
        return Envelope.newBuilder()
                .setSetSignature(SetSignatureRequest.newBuilder().setSignature(text));
    }
}
