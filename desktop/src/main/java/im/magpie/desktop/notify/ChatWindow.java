package im.magpie.desktop.notify;

/** The main window as notifications see it. */
public interface ChatWindow {
    /** The conversation the user is looking at: open in the main window while that window has the focus; else 0. */
    long focusedConversation();

    /** Brings the main window to the front (restored if iconified) with {@code conversationId} open. */
    void show(long conversationId);
}
