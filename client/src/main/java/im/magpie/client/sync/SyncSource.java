package im.magpie.client.sync;

import im.magpie.protocol.v1.SyncResponse;
import java.util.concurrent.CompletableFuture;

/** Fetches one sync page from the server (the gateway connection in production, a fake in tests). */
@FunctionalInterface
public interface SyncSource {
    CompletableFuture<SyncResponse> fetch(byte[] cursor, int limit);
}
