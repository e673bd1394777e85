package im.magpie.client.sync;

import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SendMessageResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one message request and completes with the server's reply; fails with
 * {@link im.magpie.client.net.RequestFailedException} on an error reply, anything else on transport trouble.
 */
@FunctionalInterface
public interface MessageSender {
    CompletableFuture<SendMessageResponse> send(SendMessageRequest request);
}
