package im.magpie.desktop.chat;

/** Where one of the user's messages stands, as its bubble shows it. */
public enum DeliveryStatus {
    /** Being uploaded or waiting in the outbox for the server. */
    SENDING,
    /** Stored by the server. */
    SENT,
    /** Refused by the server or the upload failed: the bubble offers "retry". */
    FAILED
}
