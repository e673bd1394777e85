package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of every log change, as pure functions of a {@link ConversationModel}: each method either
 * throws a {@link MessagingException} or returns the changes to append (possibly none), without
 * touching the model. Role rules follow the comments of {@code messaging.proto}.
 */
public final class ConversationRules {
    public static final Duration DEFAULT_RECALL_WINDOW = Duration.ofMinutes(2);
    public static final int MAX_TITLE_CHARS = 64;
    public static final int MAX_MEMBERS = 2000;
    public static final int MAX_FILES_PER_MESSAGE = 1000;
    public static final int MAX_FILE_ID_CHARS = 128;
    public static final int MAX_CLIENT_REQUEST_ID_CHARS = 64;

    private final Duration recallWindow;

    public ConversationRules(Duration recallWindow) {
        this.recallWindow = recallWindow;
    }

    /** What the writer found about the entry a recall names. {@code recallSeq} is 0 when not yet recalled. */
    public record RecallTarget(UserId sender, Instant postedAt, boolean message, long recallSeq) {}

    public Change.MessagePosted send(ConversationModel model, UserId sender, OutgoingMessage message)
            throws MessagingException {
        ConversationModel.Slot slot = model.requireActive(sender);
        if (message.body().length > OutgoingMessage.MAX_BODY_BYTES) {
            throw new InvalidRequestException("body above " + OutgoingMessage.MAX_BODY_BYTES + " bytes");
        }
        MessageFacts facts = message.facts();
        if (facts.mentions().size() > MAX_MEMBERS || facts.fileIds().size() > MAX_FILES_PER_MESSAGE) {
            throw new InvalidRequestException("too many mentions or files");
        }
        for (UserId mentioned : facts.mentions()) {
            if (!model.isActive(mentioned)) {
                throw new InvalidRequestException("mentioned user " + mentioned.value() + " is not a member");
            }
        }
        if (facts.mentionAll() && model.kind() == ConversationKind.GROUP && slot.role() == MemberRole.MEMBER) {
            throw new PermissionDeniedException("only the owner and admins may mention everyone");
        }
        for (String file : facts.fileIds()) {
            if (file.isEmpty() || file.length() > MAX_FILE_ID_CHARS) {
                throw new UnknownFileException("malformed file id");
            }
        }
        return new Change.MessagePosted(message.clientId(), message.body(), false);
    }

    /**
     * Checks what a reply quotes against what the writer found at that seq: {@code foundSender} is the sender of the
     * message there, {@code null} when there is no message at that seq (none at all, or another kind of entry).
     */
    public void quote(QuotedMessage quote, @Nullable UserId foundSender) throws InvalidRequestException {
        if (foundSender == null) {
            throw new InvalidRequestException(
                    "the quoted seq " + quote.seq() + " is not a message of the conversation");
        }
        if (!foundSender.equals(quote.sender())) {
            throw new InvalidRequestException("the quoted message at seq " + quote.seq() + " has another sender");
        }
    }

    /** Empty when the message was recalled already (the caller returns {@code target.recallSeq()}). */
    public List<Change> recall(
            ConversationModel model, UserId caller, long seq, @Nullable RecallTarget target, Instant now)
            throws MessagingException {
        model.requireActive(caller);
        if (target == null || !target.message()) {
            throw new InvalidRequestException("no message at that seq");
        }
        if (!target.sender().equals(caller)) {
            throw new PermissionDeniedException("only the sender may recall a message");
        }
        if (target.recallSeq() > 0) {
            return List.of();
        }
        if (now.isAfter(target.postedAt().plus(recallWindow))) {
            throw new RecallWindowExpiredException("the recall window of " + recallWindow.toSeconds() + " s closed");
        }
        return List.of(new Change.MessageRecalled(seq));
    }

    /** Empty when the mark would not move forward. */
    public List<Change> markRead(ConversationModel model, UserId caller, long seq) throws MessagingException {
        ConversationModel.Slot slot = model.requireActive(caller);
        if (seq < 0) {
            throw new InvalidRequestException("seq must not be negative");
        }
        long mark = Math.min(seq, model.lastSeq());
        return mark <= slot.readSeq() ? List.of() : List.of(new Change.ReadMarked(mark));
    }

    public List<Change> create(ConversationKind kind, String title, UserId caller, List<UserId> others)
            throws MessagingException {
        List<Member> members = new ArrayList<>();
        members.add(new Member(caller, kind == ConversationKind.GROUP ? MemberRole.OWNER : MemberRole.MEMBER, 0));
        for (UserId other : others) {
            members.add(new Member(other, MemberRole.MEMBER, 0));
        }
        if (members.size() > MAX_MEMBERS) {
            throw new InvalidRequestException("a group has at most " + MAX_MEMBERS + " members");
        }
        return List.of(new Change.ConversationCreated(kind, title), new Change.MembersAdded(List.copyOf(members)));
    }

    /** The other members of a new group: distinct, without the caller. */
    public List<UserId> groupInvitees(UserId caller, String title, List<UserId> members, String clientRequestId)
            throws MessagingException {
        checkTitle(title);
        if (clientRequestId.isEmpty() || clientRequestId.length() > MAX_CLIENT_REQUEST_ID_CHARS) {
            throw new InvalidRequestException("client request id must be 1.." + MAX_CLIENT_REQUEST_ID_CHARS + " chars");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new InvalidRequestException("a group has at most " + MAX_MEMBERS + " members");
        }
        Set<UserId> others = new LinkedHashSet<>(members);
        others.remove(caller);
        return List.copyOf(others);
    }

    /** Settings may be set by anyone who belongs or belonged to the conversation, except for SELF conversations. */
    public Change settings(ConversationModel model, UserId caller, boolean muted, boolean pinned)
            throws MessagingException {
        if (!model.slots().containsKey(caller)) {
            throw new ConversationNotFoundException(
                    "no conversation " + model.id().value());
        }
        if (model.kind() == ConversationKind.SELF) {
            throw new InvalidRequestException("the file transfer assistant has no settings");
        }
        return new Change.SettingsChanged(model.id(), muted, pinned);
    }

    public List<Change> rename(ConversationModel model, UserId caller, String title) throws MessagingException {
        ConversationModel.Slot slot = groupMember(model, caller);
        checkTitle(title);
        if (slot.role() == MemberRole.MEMBER) {
            throw new PermissionDeniedException("only the owner and admins may rename the group");
        }
        return title.equals(model.title()) ? List.of() : List.of(new Change.Renamed(title));
    }

    /** Any member may invite; users already present are skipped. {@code users} must exist. */
    public List<Change> addMembers(ConversationModel model, UserId caller, List<UserId> users)
            throws MessagingException {
        groupMember(model, caller);
        Set<UserId> fresh = new LinkedHashSet<>();
        for (UserId user : users) {
            if (!model.isActive(user)) {
                fresh.add(user);
            }
        }
        if (model.activeMembers().size() + fresh.size() > MAX_MEMBERS) {
            throw new InvalidRequestException("a group has at most " + MAX_MEMBERS + " members");
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        return List.of(new Change.MembersAdded(
                fresh.stream().map(u -> new Member(u, MemberRole.MEMBER, 0)).toList()));
    }

    public List<Change> removeMember(ConversationModel model, UserId caller, UserId user) throws MessagingException {
        ConversationModel.Slot slot = groupMember(model, caller);
        if (user.equals(caller)) {
            throw new InvalidRequestException("leave the group instead of removing yourself");
        }
        if (!model.isActive(user)) {
            throw new NotAMemberException("user " + user.value() + " is not a member");
        }
        MemberRole target = model.slot(user).role();
        boolean allowed =
                slot.role() == MemberRole.OWNER || (slot.role() == MemberRole.ADMIN && target == MemberRole.MEMBER);
        if (!allowed) {
            throw new PermissionDeniedException("not allowed to remove this member");
        }
        return List.of(new Change.MemberRemoved(user, false));
    }

    /** An owner who leaves first hands ownership to the longest-standing admin, else member (so they see it). */
    public List<Change> leave(ConversationModel model, UserId caller) throws MessagingException {
        ConversationModel.Slot slot = groupMember(model, caller);
        List<Change> changes = new ArrayList<>();
        if (slot.role() == MemberRole.OWNER) {
            successor(model, caller).ifPresent(next -> changes.add(new Change.RoleChanged(next, MemberRole.OWNER)));
        }
        changes.add(new Change.MemberRemoved(caller, true));
        return changes;
    }

    public List<Change> setRole(ConversationModel model, UserId caller, UserId user, MemberRole role)
            throws MessagingException {
        ConversationModel.Slot slot = groupMember(model, caller);
        if (slot.role() != MemberRole.OWNER) {
            throw new PermissionDeniedException("only the owner may change roles");
        }
        if (user.equals(caller)) {
            throw new InvalidRequestException("the owner cannot change their own role; transfer ownership instead");
        }
        if (!model.isActive(user)) {
            throw new NotAMemberException("user " + user.value() + " is not a member");
        }
        if (role == MemberRole.OWNER) {
            return List.of(
                    new Change.RoleChanged(user, MemberRole.OWNER), new Change.RoleChanged(caller, MemberRole.ADMIN));
        }
        return model.slot(user).role() == role ? List.of() : List.of(new Change.RoleChanged(user, role));
    }

    private static ConversationModel.Slot groupMember(ConversationModel model, UserId caller)
            throws MessagingException {
        ConversationModel.Slot slot = model.requireActive(caller);
        if (model.kind() != ConversationKind.GROUP) {
            throw new InvalidRequestException("only groups have titles, roles and changing members");
        }
        return slot;
    }

    private static Optional<UserId> successor(ConversationModel model, UserId leaving) {
        UserId firstMember = null;
        for (var entry : model.slots().entrySet()) {
            ConversationModel.Slot slot = entry.getValue();
            if (!slot.active() || entry.getKey().equals(leaving)) {
                continue;
            }
            if (slot.role() == MemberRole.ADMIN) {
                return Optional.of(entry.getKey());
            }
            if (firstMember == null) {
                firstMember = entry.getKey();
            }
        }
        return Optional.ofNullable(firstMember);
    }

    private static void checkTitle(String title) throws InvalidRequestException {
        int length = title.codePointCount(0, title.length());
        if (title.isBlank() || length > MAX_TITLE_CHARS || title.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("title must be 1.." + MAX_TITLE_CHARS + " characters");
        }
    }
}
