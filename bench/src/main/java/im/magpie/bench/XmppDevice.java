package im.magpie.bench;

import im.magpie.bench.xmpp.XmppSession;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A simulated XMPP client as a {@link SimDevice}: SASL PLAIN login with its own resource; texts go to the partner's
 * bare JID as chat messages. {@code resume} logs in with the password like any login (no XEP-0198 resumption).
 */
final class XmppDevice implements SimDevice, XmppSession.Listener {
    private final XmppSession.Endpoint endpoint;
    private final XmppSession.Account account;
    private volatile TextSink sink = TextSink.NONE;
    private volatile @Nullable XmppSession session;
    private volatile String partner = "";

    XmppDevice(XmppSession.Endpoint endpoint, XmppSession.Account account) {
        this.endpoint = endpoint;
        this.account = account;
    }

    String bareJid() {
        return account.bareJid();
    }

    void partner(String bareJid) {
        this.partner = bareJid;
    }

    @Override
    public CompletableFuture<?> connect(boolean resume) {
        return XmppSession.connect(endpoint, account, this).thenAccept(s -> session = s);
    }

    @Override
    public boolean isOpen() {
        XmppSession s = session;
        return s != null && s.isOpen();
    }

    @Override
    public void disconnect() {
        XmppSession s = session;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void onText(TextSink sink) {
        this.sink = sink;
    }

    /** Completes when the message is written to the socket: XMPP acknowledges nothing without XEP-0198. */
    @Override
    public CompletableFuture<?> sendToPartner(String text) {
        XmppSession s = session;
        if (s == null || partner.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("device not connected or has no pair"));
        }
        return s.sendChat(partner, text);
    }

    @Override
    public long receiveErrors() {
        return 0;
    }

    @Override
    public void onChat(String from, String body, long receivedNanos) {
        sink.onText(this, body, receivedNanos);
    }
}
