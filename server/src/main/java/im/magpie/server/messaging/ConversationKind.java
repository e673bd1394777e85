package im.magpie.server.messaging;

/** Direct (two people), group, or self (the file transfer assistant). */
public enum ConversationKind {
    DIRECT,
    GROUP,
    SELF
}
