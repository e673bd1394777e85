package im.magpie.desktop.chat;

import javafx.scene.Node;
import org.jspecify.annotations.Nullable;

/**
 * What a chat asks of the screens around it, supplied by the composition root: hover cards on people (U6) and the
 * group info panel beside a group chat. {@link #NONE} offers neither.
 */
public record ChatHooks(ChatHooks.PersonHover hover, ChatHooks.GroupPanel groupPanel) {
    public static final ChatHooks NONE = new ChatHooks((target, userId) -> {}, (conversationId, close) -> null);

    /**
     * Shows a person's card while the pointer rests on {@code target}. Installing again on the same node changes the
     * person it shows (chat rows are reused for other messages); it does not wire the node twice.
     */
    @FunctionalInterface
    public interface PersonHover {
        void install(Node target, long userId);
    }

    /** The panel of a group, shown beside its chat; {@code close} takes it away. Null: no panel. */
    @FunctionalInterface
    public interface GroupPanel {
        @Nullable
        Node open(long conversationId, Runnable close);
    }
}
