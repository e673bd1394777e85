package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's in-memory view of one conversation: kind, title, last seq, and everyone who ever
 * belonged, in join order, with role, read mark and whether they still belong. Not thread-safe: only
 * the log writer touches it.
 */
public final class ConversationModel {
    /** One (present or past) member. */
    public static final class Slot {
        private MemberRole role;
        private long readSeq;
        private boolean active;
        private long joinedPos;

        public Slot(MemberRole role, long readSeq, boolean active, long joinedPos) {
            this.role = role;
            this.readSeq = readSeq;
            this.active = active;
            this.joinedPos = joinedPos;
        }

        public MemberRole role() {
            return role;
        }

        public long readSeq() {
            return readSeq;
        }

        public boolean active() {
            return active;
        }

        public long joinedPos() {
            return joinedPos;
        }
    }

    private final ConversationId id;
    private final ConversationKind kind;
    // Wrapped data key: opaque here, used by the storage layer to seal bodies.
    private final byte[] wrappedKey;
    private String title;
    private long lastSeq;
    private final Map<UserId, Slot> slots = new LinkedHashMap<>();

    public ConversationModel(ConversationId id, ConversationKind kind, String title, long lastSeq, byte[] wrappedKey) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.lastSeq = lastSeq;
        this.wrappedKey = wrappedKey;
    }

    public ConversationId id() {
        return id;
    }

    public ConversationKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public byte[] wrappedKey() {
        return wrappedKey;
    }

    /** Adds a slot while loading from storage, in join order. */
    public void load(UserId user, Slot slot) {
        slots.put(user, slot);
    }

    public Map<UserId, Slot> slots() {
        return slots;
    }

    /** The slot of a user known to be (or have been) a member. */
    public Slot slot(UserId user) {
        Slot slot = slots.get(user);
        if (slot == null) {
            throw new IllegalStateException("user " + user.value() + " never belonged to " + id.value());
        }
        return slot;
    }

    public boolean isActive(UserId user) {
        Slot slot = slots.get(user);
        return slot != null && slot.active;
    }

    public List<UserId> activeMembers() {
        List<UserId> result = new ArrayList<>();
        slots.forEach((user, slot) -> {
            if (slot.active) {
                result.add(user);
            }
        });
        return result;
    }

    /** Throws {@link ConversationNotFoundException} for a stranger, {@link NotAMemberException} for a former member. */
    public Slot requireActive(UserId user) throws MessagingException {
        Slot slot = slots.get(user);
        if (slot == null) {
            throw new ConversationNotFoundException("no conversation " + id.value());
        }
        if (!slot.active) {
            throw new NotAMemberException("not a member of conversation " + id.value());
        }
        return slot;
    }

    /** Applies a change at {@code pos} made by {@code actor}; returns its seq. */
    public long apply(UserId actor, Change change, long pos) {
        lastSeq++;
        if (change instanceof Change.ReadMarked read) {
            slot(actor).readSeq = read.readSeq();
        } else if (change instanceof Change.MembersAdded added) {
            for (Member member : added.members()) {
                slots.remove(member.user());
                slots.put(member.user(), new Slot(member.role(), member.readSeq(), true, pos));
            }
        } else if (change instanceof Change.MemberRemoved removed) {
            slot(removed.user()).active = false;
        } else if (change instanceof Change.Renamed renamed) {
            title = renamed.title();
        } else if (change instanceof Change.RoleChanged role) {
            slot(role.user()).role = role.role();
        }
        return lastSeq;
    }

    /** The conversation as {@code viewer} sees it now. */
    public ConversationState stateFor(UserId viewer) {
        List<Member> members = new ArrayList<>();
        slots.forEach((user, slot) -> {
            if (slot.active) {
                members.add(new Member(user, slot.role, slot.readSeq));
            }
        });
        return new ConversationState(id, kind, title, List.copyOf(members), lastSeq, isActive(viewer));
    }
}
