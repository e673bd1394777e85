package im.magpie.bench;

import java.util.concurrent.CompletableFuture;

/** A Magpie {@link Device} as a {@link SimDevice}: its partner is reached through their direct conversation. */
final class MagpieDevice implements SimDevice {
    private final Device device;
    private volatile long conversationId;

    MagpieDevice(Device device) {
        this.device = device;
    }

    Device device() {
        return device;
    }

    /** The direct conversation with the partner of its pair, used by {@link #sendToPartner}. */
    void conversation(long id) {
        this.conversationId = id;
    }

    @Override
    public CompletableFuture<?> connect(boolean resume) {
        return device.connect(resume);
    }

    @Override
    public void forgetTlsSession() {
        device.forgetTlsSession();
    }

    @Override
    public boolean isOpen() {
        return device.isOpen();
    }

    @Override
    public void disconnect() {
        device.disconnect();
    }

    @Override
    public void onText(TextSink sink) {
        device.sink(
                sink == TextSink.NONE
                        ? MessageSink.NONE
                        : (receiver, entry, now) -> sink.onText(
                                this, entry.getMessage().getBody().getText().getText(), now));
    }

    /** Completes with the server's reply, which it sends after committing the message. */
    @Override
    public CompletableFuture<?> sendToPartner(String text) {
        if (conversationId == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("device has no pair"));
        }
        return device.send(conversationId, text);
    }

    @Override
    public long receiveErrors() {
        return device.syncErrors();
    }
}
