package im.magpie.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.server.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationRulesTest {
    private static final UserId OWNER = new UserId(1);
    private static final UserId ADMIN = new UserId(2);
    private static final UserId MEMBER = new UserId(3);
    private static final UserId FORMER = new UserId(4);
    private static final UserId STRANGER = new UserId(5);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ConversationRules rules = new ConversationRules(Duration.ofMinutes(2));
    private ConversationModel group;

    @BeforeEach
    void buildGroup() {
        group = new ConversationModel(new ConversationId(9), ConversationKind.GROUP, "Team", 10, new byte[0]);
        group.load(OWNER, new ConversationModel.Slot(MemberRole.OWNER, 0, true, 1));
        group.load(ADMIN, new ConversationModel.Slot(MemberRole.ADMIN, 0, true, 1));
        group.load(MEMBER, new ConversationModel.Slot(MemberRole.MEMBER, 0, true, 1));
        group.load(FORMER, new ConversationModel.Slot(MemberRole.MEMBER, 0, false, 1));
    }

    @Test
    void tellsStrangersTheConversationDoesNotExistAndFormerMembersTheyAreNotMembers() {
        assertThatThrownBy(() -> rules.send(group, STRANGER, message(new byte[1], MessageFacts.NONE)))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> rules.send(group, FORMER, message(new byte[1], MessageFacts.NONE)))
                .isInstanceOf(NotAMemberException.class);
    }

    @Test
    void limitsTheBodySize() throws MessagingException {
        assertThat(rules.send(group, MEMBER, message(new byte[OutgoingMessage.MAX_BODY_BYTES], MessageFacts.NONE)))
                .isNotNull();
        assertThatThrownBy(() -> rules.send(
                        group, MEMBER, message(new byte[OutgoingMessage.MAX_BODY_BYTES + 1], MessageFacts.NONE)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void letsOnlyOwnersAndAdminsMentionEveryone() throws MessagingException {
        MessageFacts all = new MessageFacts(List.of(), true, List.of());

        assertThat(rules.send(group, ADMIN, message(new byte[1], all))).isNotNull();
        assertThatThrownBy(() -> rules.send(group, MEMBER, message(new byte[1], all)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void requiresMentionedUsersToBeMembers() {
        MessageFacts mentionsFormer = new MessageFacts(List.of(FORMER), false, List.of());

        assertThatThrownBy(() -> rules.send(group, MEMBER, message(new byte[1], mentionsFormer)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void acceptsAQuoteOnlyOfAMessageByTheNamedSender() throws MessagingException {
        QuotedMessage quote = new QuotedMessage(5, OWNER);

        rules.quote(quote, OWNER);
        assertThatThrownBy(() -> rules.quote(quote, MEMBER)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rules.quote(quote, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void recallsOnlyOwnMessagesWithinTheWindowAndIdempotently() throws MessagingException {
        var mine = new ConversationRules.RecallTarget(MEMBER, T0, true, 0);

        assertThat(rules.recall(group, MEMBER, 5, mine, T0.plusSeconds(120)))
                .containsExactly(new Change.MessageRecalled(5));
        assertThatThrownBy(() -> rules.recall(group, MEMBER, 5, mine, T0.plusSeconds(121)))
                .isInstanceOf(RecallWindowExpiredException.class);
        assertThatThrownBy(() -> rules.recall(group, OWNER, 5, mine, T0)).isInstanceOf(PermissionDeniedException.class);
        var alreadyRecalled = new ConversationRules.RecallTarget(MEMBER, T0, true, 8);
        assertThat(rules.recall(group, MEMBER, 5, alreadyRecalled, T0.plusSeconds(999)))
                .isEmpty();
    }

    @Test
    void movesReadMarksOnlyForward() throws MessagingException {
        assertThat(rules.markRead(group, MEMBER, 4)).containsExactly(new Change.ReadMarked(4));
        group.apply(MEMBER, new Change.ReadMarked(4), 50);

        assertThat(rules.markRead(group, MEMBER, 3)).isEmpty();
        assertThat(rules.markRead(group, MEMBER, 4)).isEmpty();
        assertThat(rules.markRead(group, MEMBER, 1000)).containsExactly(new Change.ReadMarked(11));
    }

    @Test
    void adminsRemoveMembersButNotOtherAdminsOrTheOwner() throws MessagingException {
        assertThat(rules.removeMember(group, ADMIN, MEMBER)).containsExactly(new Change.MemberRemoved(MEMBER, false));
        assertThatThrownBy(() -> rules.removeMember(group, ADMIN, OWNER)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> rules.removeMember(group, MEMBER, ADMIN))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(rules.removeMember(group, OWNER, ADMIN)).hasSize(1);
    }

    @Test
    void anOwnerWhoLeavesHandsOwnershipToTheLongestStandingAdmin() throws MessagingException {
        assertThat(rules.leave(group, OWNER))
                .containsExactly(
                        new Change.RoleChanged(ADMIN, MemberRole.OWNER), new Change.MemberRemoved(OWNER, true));
        assertThat(rules.leave(group, MEMBER)).containsExactly(new Change.MemberRemoved(MEMBER, true));
    }

    @Test
    void onlyTheOwnerChangesRolesAndTransferringOwnershipDemotesTheOwnerToAdmin() throws MessagingException {
        assertThatThrownBy(() -> rules.setRole(group, ADMIN, MEMBER, MemberRole.ADMIN))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(rules.setRole(group, OWNER, MEMBER, MemberRole.OWNER))
                .containsExactly(
                        new Change.RoleChanged(MEMBER, MemberRole.OWNER),
                        new Change.RoleChanged(OWNER, MemberRole.ADMIN));
    }

    @Test
    void renamingNeedsOwnerOrAdminAndATitleOfOneToSixtyFourCharacters() throws MessagingException {
        assertThatThrownBy(() -> rules.rename(group, MEMBER, "New")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> rules.rename(group, ADMIN, " ")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rules.rename(group, ADMIN, "x".repeat(65)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(rules.rename(group, ADMIN, "项目组")).containsExactly(new Change.Renamed("项目组"));
    }

    @Test
    void addingSkipsPresentMembersAndCapsTheGroupSize() throws MessagingException {
        assertThat(rules.addMembers(group, MEMBER, List.of(ADMIN, FORMER, STRANGER)))
                .containsExactly(new Change.MembersAdded(
                        List.of(new Member(FORMER, MemberRole.MEMBER, 0), new Member(STRANGER, MemberRole.MEMBER, 0))));
        List<UserId> many = java.util.stream.LongStream.range(100, 100 + ConversationRules.MAX_MEMBERS)
                .mapToObj(UserId::new)
                .toList();
        assertThatThrownBy(() -> rules.addMembers(group, MEMBER, many)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void directConversationsHaveNoMembershipChanges() {
        ConversationModel direct =
                new ConversationModel(new ConversationId(1), ConversationKind.DIRECT, "", 2, new byte[0]);
        direct.load(OWNER, new ConversationModel.Slot(MemberRole.MEMBER, 0, true, 1));

        assertThatThrownBy(() -> rules.addMembers(direct, OWNER, List.of(MEMBER)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rules.leave(direct, OWNER)).isInstanceOf(InvalidRequestException.class);
    }

    private OutgoingMessage message(byte[] body, MessageFacts facts) {
        return new OutgoingMessage(group.id(), new ClientMessageId(UUID.randomUUID()), body, facts);
    }
}
