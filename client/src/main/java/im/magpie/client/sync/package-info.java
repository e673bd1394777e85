/**
 * Reliable delivery on the client: {@link im.magpie.client.sync.SyncEngine} pulls the conversation log into the
 * local store, {@link im.magpie.client.sync.Outbox} sends queued messages until the server acknowledges them.
 */
@NullMarked
package im.magpie.client.sync;

import org.jspecify.annotations.NullMarked;
