package im.magpie.server.transport.tcp;

import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnsafeByteOperations;
import im.magpie.protocol.v1.ConversationCreated;
import im.magpie.protocol.v1.ConversationRenamed;
import im.magpie.protocol.v1.MemberRemoved;
import im.magpie.protocol.v1.MemberRoleChanged;
import im.magpie.protocol.v1.MembersAdded;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.MessageRecalled;
import im.magpie.protocol.v1.ReadMarked;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MemberRole;

/** Domain values → protobuf messages of im.v1 (and roles back). */
public final class ProtoMapper {
    private ProtoMapper() {}

    static im.magpie.protocol.v1.ConversationState state(ConversationState state) {
        im.magpie.protocol.v1.ConversationState.Builder proto = im.magpie.protocol.v1.ConversationState.newBuilder()
                .setConversationId(state.id().value())
                .setKind(kind(state.kind()))
                .setTitle(state.title())
                .setLastSeq(state.lastSeq())
                .setActive(state.active());
        state.members().forEach(m -> proto.addMembers(member(m)));
        return proto.build();
    }

    /** A log entry in wire form (also what the push publisher sends inline). */
    public static im.magpie.protocol.v1.LogEntry entry(LogEntry entry) {
        im.magpie.protocol.v1.LogEntry.Builder proto = im.magpie.protocol.v1.LogEntry.newBuilder()
                .setConversationId(entry.conversation().value())
                .setSeq(entry.seq())
                .setActorUserId(entry.actor().value())
                .setServerTimeMs(entry.serverTime().toEpochMilli());
        Change change = entry.change();
        if (change instanceof Change.MessagePosted posted) {
            proto.setMessage(posted(posted));
        } else if (change instanceof Change.MessageRecalled recalled) {
            proto.setRecalled(MessageRecalled.newBuilder().setTargetSeq(recalled.targetSeq()));
        } else if (change instanceof Change.ReadMarked read) {
            proto.setRead(ReadMarked.newBuilder().setReadSeq(read.readSeq()));
        } else if (change instanceof Change.ConversationCreated created) {
            proto.setCreated(ConversationCreated.newBuilder()
                    .setKind(kind(created.kind()))
                    .setTitle(created.title()));
        } else if (change instanceof Change.MembersAdded added) {
            MembersAdded.Builder members = MembersAdded.newBuilder();
            added.members().forEach(m -> members.addMembers(member(m)));
            proto.setMembersAdded(members);
        } else if (change instanceof Change.MemberRemoved removed) {
            proto.setMemberRemoved(
                    MemberRemoved.newBuilder().setUserId(removed.user().value()).setLeft(removed.left()));
        } else if (change instanceof Change.Renamed renamed) {
            proto.setRenamed(ConversationRenamed.newBuilder().setTitle(renamed.title()));
        } else if (change instanceof Change.RoleChanged role) {
            proto.setRoleChanged(MemberRoleChanged.newBuilder()
                    .setUserId(role.user().value())
                    .setRole(role(role.role())));
        } else if (change instanceof Change.SettingsChanged settings) {
            proto.setSettingsChanged(im.magpie.protocol.v1.ConversationSettingsChanged.newBuilder()
                    .setTargetConversationId(settings.target().value())
                    .setMuted(settings.muted())
                    .setPinned(settings.pinned()));
        }
        return proto.build();
    }

    /**
     * The body goes out as the bytes that were stored, not parsed and serialized again: on the wire a message-typed
     * field is its serialized bytes, length-delimited, so field {@code body} is written as such (an unknown field of
     * the server's builder, serialized after the known ones; receivers parse it into {@code MessagePosted.body}). The
     * bytes are a {@code MessageBody} checked when it was sent ({@code OutgoingMessages}) and authenticated when it
     * was read back. Server code that needs the parsed body reads it from the wire form.
     */
    private static MessagePosted posted(Change.MessagePosted posted) {
        MessagePosted.Builder proto = MessagePosted.newBuilder()
                .setClientMessageId(posted.clientId().value().toString())
                .setRecalled(posted.recalled());
        if (posted.body().length > 0) {
            // The array is never written after it was sealed or opened, so the wire form may share it.
            proto.setUnknownFields(UnknownFieldSet.newBuilder()
                    .addField(
                            MessagePosted.BODY_FIELD_NUMBER,
                            UnknownFieldSet.Field.newBuilder()
                                    .addLengthDelimited(UnsafeByteOperations.unsafeWrap(posted.body()))
                                    .build())
                    .build());
        }
        return proto.build();
    }

    static im.magpie.protocol.v1.Member member(Member member) {
        return im.magpie.protocol.v1.Member.newBuilder()
                .setUserId(member.user().value())
                .setRole(role(member.role()))
                .setReadSeq(member.readSeq())
                .build();
    }

    static im.magpie.protocol.v1.ConversationKind kind(ConversationKind kind) {
        return switch (kind) {
            case DIRECT -> im.magpie.protocol.v1.ConversationKind.CONVERSATION_KIND_DIRECT;
            case GROUP -> im.magpie.protocol.v1.ConversationKind.CONVERSATION_KIND_GROUP;
            case SELF -> im.magpie.protocol.v1.ConversationKind.CONVERSATION_KIND_SELF;
        };
    }

    static im.magpie.protocol.v1.MemberRole role(MemberRole role) {
        return switch (role) {
            case MEMBER -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_MEMBER;
            case ADMIN -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_ADMIN;
            case OWNER -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_OWNER;
        };
    }

    /** The domain role of a wire role; null for UNSPECIFIED or unknown values. */
    static @org.jspecify.annotations.Nullable MemberRole role(im.magpie.protocol.v1.MemberRole role) {
        return switch (role) {
            case MEMBER_ROLE_MEMBER -> MemberRole.MEMBER;
            case MEMBER_ROLE_ADMIN -> MemberRole.ADMIN;
            case MEMBER_ROLE_OWNER -> MemberRole.OWNER;
            default -> null;
        };
    }
}
