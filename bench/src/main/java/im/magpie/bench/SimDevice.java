package im.magpie.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated device as the peer-neutral scenarios (S1, S2, S4, S5, S6) see it, whichever server it talks to:
 * {@link MagpieDevice} over the Magpie protocol, {@link XmppDevice} over XMPP.
 */
interface SimDevice {
    /**
     * Connects (TLS) and logs in. {@code resume}: log in again with what an earlier login gave where the protocol has
     * such a thing (Magpie: the device token); otherwise the password.
     */
    CompletableFuture<?> connect(boolean resume);

    boolean isOpen();

    /**
     * Makes the next connection a full TLS handshake: drops the session ticket the device keeps for resumption (a
     * Magpie device keeps one across reconnects, as the client library does; an XMPP device keeps none).
     */
    default void forgetTlsSession() {}

    /** Closes the connection; a later {@link #connect} may follow. */
    void disconnect();

    /** Where texts that other users sent to this device go from now on. */
    void onText(TextSink sink);

    /** Sends a text to the other device of its {@link Pair}; completes when the server accepted it (see each kind). */
    CompletableFuture<?> sendToPartner(String text);

    /** Failed receive-side requests so far (Magpie: failed syncs; XMPP: none, the server pushes the stanza). */
    long receiveErrors();

    static long receiveErrors(List<? extends SimDevice> devices) {
        return devices.stream().mapToLong(SimDevice::receiveErrors).sum();
    }

    static void disconnectAll(List<? extends SimDevice> devices) {
        for (SimDevice d : devices) {
            d.disconnect();
        }
    }
}
