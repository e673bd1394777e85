package im.magpie.desktop.history;

/** Opens a conversation scrolled to one of its messages ("jump to context"). */
@FunctionalInterface
public interface MessageOpener {
    void showMessage(long conversationId, long seq);
}
