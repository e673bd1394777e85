package im.magpie.desktop.chat;

/** A chat action failed for a reason the user is told about ({@link #kind()}). */
public final class ChatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ChatFailureKind kind;

    public ChatException(ChatFailureKind kind, String detail, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = kind;
    }

    public ChatFailureKind kind() {
        return kind;
    }
}
