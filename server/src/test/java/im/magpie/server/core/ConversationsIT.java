package im.magpie.server.core;

import static im.magpie.server.core.MessagingIT.message;
import static im.magpie.server.core.MessagingIT.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MemberRole;
import im.magpie.server.messaging.NotAMemberException;
import im.magpie.server.messaging.PermissionDeniedException;
import im.magpie.server.messaging.ReadReceipts;
import im.magpie.server.messaging.RecallWindowExpiredException;
import im.magpie.server.messaging.SendReceipt;
import im.magpie.server.messaging.SyncPage;
import im.magpie.server.messaging.UnknownUserException;
import im.magpie.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ConversationsIT {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final CoreFixture.RecordingPublisher publisher = new CoreFixture.RecordingPublisher();
    private CoreComponents core;
    private UserId alice;
    private UserId bob;
    private UserId carol;
    private UserId dave;

    @BeforeEach
    void start() throws Exception {
        core = CoreFixture.start(dataDir, clock, publisher);
        alice = CoreFixture.user(core, "alice");
        bob = CoreFixture.user(core, "bob");
        carol = CoreFixture.user(core, "carol");
        dave = CoreFixture.user(core, "dave");
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void membersSeeTheLogOnlyWhileTheyBelong() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob)).id();
        send(alice, group, "m1");
        core.conversations().addMembers(bob, group, List.of(carol));
        send(alice, group, "m2");
        core.conversations().removeMember(alice, group, bob);
        send(alice, group, "m3");

        core.conversations().rename(alice, group, "Renamed after bob left");
        SyncPage bobs = core.messaging().sync(bob, new byte[0], 100);
        assertThat(texts(bobs.entries())).containsExactly("m1", "m2");
        LogEntry removal = bobs.entries().get(bobs.entries().size() - 1);
        assertThat(removal.change()).isEqualTo(new Change.MemberRemoved(bob, false));
        // A former member sees the conversation as it was when they left.
        assertThat(bobs.conversations()).singleElement().satisfies(s -> {
            assertThat(s.active()).isFalse();
            assertThat(s.lastSeq()).isEqualTo(removal.seq());
            assertThat(s.title()).isEqualTo("Team");
            assertThat(s.members()).extracting(Member::user).containsExactly(alice, carol);
        });
        assertThat(core.conversations().state(bob, group))
                .isEqualTo(bobs.conversations().get(0));
        assertThat(core.conversations().state(alice, group).title()).isEqualTo("Renamed after bob left");

        SyncPage carols = core.messaging().sync(carol, new byte[0], 100);
        assertThat(carols.entries().get(0).change()).isInstanceOf(Change.MembersAdded.class);
        assertThat(texts(carols.entries())).containsExactly("m2", "m3");
        assertThat(texts(core.messaging().history(carol, group, 0, 100).entries()))
                .containsExactly("m3", "m2");

        assertThatThrownBy(() -> send(bob, group, "late")).hasCauseInstanceOf(NotAMemberException.class);
        assertThatThrownBy(() -> send(dave, group, "stranger")).hasCauseInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> core.conversations().state(dave, group))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(core.messaging().sync(dave, new byte[0], 100).entries()).isEmpty();
        assertThat(publisher.events()).anySatisfy(e -> assertThat(e.audience()).contains(bob));
    }

    @Test
    void lastSeqAndTitleComeBackAfterARestart() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob)).id();
        ConversationId other = createGroup(alice, List.of(carol)).id();
        send(alice, group, "m1");
        core.conversations().rename(alice, group, "Renamed");
        long last = send(bob, group, "m2").seq();
        send(alice, other, "elsewhere");

        core.close();
        core = CoreComponents.start(CoreFixture.settings(dataDir, clock), publisher);

        // Neither the reader nor the writer's reloaded model keeps a stored last seq: both take the log's.
        assertThat(core.conversations().state(bob, group).lastSeq()).isEqualTo(last);
        assertThat(core.conversations().state(bob, group).title()).isEqualTo("Renamed");
        assertThat(core.conversations().state(carol, other).title()).isEqualTo("Team");
        assertThat(send(alice, group, "m3").seq()).isEqualTo(last + 1);
        assertThat(core.messaging().sync(bob, new byte[0], 100).conversations())
                .singleElement()
                .satisfies(s -> assertThat(s.lastSeq()).isEqualTo(last + 1));
    }

    @Test
    void aMemberWhoLeavesAndIsAddedAgainSeesNothingInBetween() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob)).id();
        core.conversations().leave(bob, group);
        send(alice, group, "while away");
        core.conversations().addMembers(alice, group, List.of(bob));
        send(alice, group, "back");

        List<LogEntry> entries = core.messaging().sync(bob, new byte[0], 100).entries();

        assertThat(texts(entries)).containsExactly("back");
        assertThat(entries).anySatisfy(e -> assertThat(e.change()).isEqualTo(new Change.MemberRemoved(bob, true)));
    }

    @Test
    void theOwnerWhoLeavesHandsOverAndOnlyOwnersChangeRoles() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob, carol)).id();
        core.conversations().setRole(alice, group, carol, MemberRole.ADMIN);
        assertThatThrownBy(() -> core.conversations().setRole(carol, group, bob, MemberRole.ADMIN))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> core.conversations().removeMember(carol, group, alice))
                .isInstanceOf(PermissionDeniedException.class);

        ConversationState after = core.conversations().leave(alice, group);

        assertThat(after.active()).isFalse();
        assertThat(core.conversations().state(bob, group).members())
                .extracting(Member::user, Member::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(bob, MemberRole.MEMBER),
                        org.assertj.core.groups.Tuple.tuple(carol, MemberRole.OWNER));
        assertThat(core.conversations().rename(carol, group, "Renamed").title()).isEqualTo("Renamed");
    }

    @Test
    void createsGroupsIdempotentlyAndRefusesUnknownUsers() throws Exception {
        String request = UUID.randomUUID().toString();
        ConversationState first = core.conversations().createGroup(alice, "Team", List.of(bob), request);
        ConversationState again = core.conversations().createGroup(alice, "Team", List.of(bob), request);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.members()).extracting(Member::role).containsExactly(MemberRole.OWNER, MemberRole.MEMBER);
        assertThatThrownBy(() -> core.conversations()
                        .createGroup(
                                alice,
                                "Ghosts",
                                List.of(new UserId(999_999)),
                                UUID.randomUUID().toString()))
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> core.conversations().openDirect(alice, new UserId(999_999)))
                .isInstanceOf(UnknownUserException.class);
        assertThat(core.conversations().openSelf(alice).id())
                .isEqualTo(core.conversations().openSelf(alice).id());
    }

    @Test
    void recallsWithinTheWindowOnlyAndIdempotently() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob)).id();
        SendReceipt sent = send(alice, group, "oops");
        clock.advance(Duration.ofSeconds(90));

        long recallSeq = core.messaging().recall(alice, group, sent.seq());

        assertThat(core.messaging().recall(alice, group, sent.seq())).isEqualTo(recallSeq);
        assertThatThrownBy(() -> core.messaging().recall(bob, group, sent.seq()))
                .isInstanceOf(PermissionDeniedException.class);
        List<LogEntry> entries = core.messaging().sync(bob, new byte[0], 100).entries();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.seq()).isEqualTo(sent.seq());
            Change.MessagePosted posted = (Change.MessagePosted) e.change();
            assertThat(posted.recalled()).isTrue();
            assertThat(posted.body()).isEmpty();
        });
        assertThat(entries)
                .last()
                .satisfies(e -> assertThat(e.change()).isEqualTo(new Change.MessageRecalled(sent.seq())));

        SendReceipt late = send(alice, group, "too late");
        clock.advance(Duration.ofSeconds(121));
        assertThatThrownBy(() -> core.messaging().recall(alice, group, late.seq()))
                .isInstanceOf(RecallWindowExpiredException.class);
    }

    @Test
    void readReceiptsFollowReadMarksThatOnlyMoveForward() throws Exception {
        ConversationId group = createGroup(alice, List.of(bob, carol)).id();
        SendReceipt sent = send(alice, group, "read me");

        core.messaging().markRead(bob, group, sent.seq());
        long lastSeq = core.conversations().state(bob, group).lastSeq();
        core.messaging().markRead(bob, group, sent.seq() - 1);

        assertThat(core.conversations().state(bob, group).lastSeq()).isEqualTo(lastSeq);
        ReadReceipts receipts = core.messaging().readReceipts(alice, group, sent.seq());
        assertThat(receipts.read()).containsExactly(bob);
        assertThat(receipts.unread()).containsExactly(carol);
        assertThat(core.conversations().state(alice, group).members())
                .filteredOn(m -> m.user().equals(bob))
                .singleElement()
                .satisfies(m -> assertThat(m.readSeq()).isEqualTo(sent.seq()));
    }

    private ConversationState createGroup(UserId owner, List<UserId> members) throws Exception {
        return core.conversations()
                .createGroup(owner, "Team", members, UUID.randomUUID().toString());
    }

    private SendReceipt send(UserId sender, ConversationId c, String text)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return core.messaging()
                .send(sender, message(c, UUID.randomUUID(), text))
                .get(10, TimeUnit.SECONDS);
    }
}
