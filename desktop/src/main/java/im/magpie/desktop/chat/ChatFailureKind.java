package im.magpie.desktop.chat;

/** Expected failures of chat actions, each with a translated text {@code chat.error.*}. */
public enum ChatFailureKind {
    UNKNOWN_ACCOUNT("chat.error.unknownAccount"),
    OFFLINE("chat.error.offline"),
    RECALL_EXPIRED("chat.error.recallExpired"),
    TOO_LARGE("chat.error.tooLarge"),
    PERMISSION_DENIED("chat.error.permission"),
    FILE_UNREADABLE("chat.error.fileUnreadable"),
    OTHER("chat.error.other");

    private final String textKey;

    ChatFailureKind(String textKey) {
        this.textKey = textKey;
    }

    public String textKey() {
        return textKey;
    }
}
