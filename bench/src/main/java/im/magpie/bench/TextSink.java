package im.magpie.bench;

/** Receives every text another user sent to a device, with the moment the device had it in hand. */
interface TextSink {
    void onText(SimDevice receiver, String text, long receivedNanos);

    TextSink NONE = (receiver, text, nanos) -> {};
}
