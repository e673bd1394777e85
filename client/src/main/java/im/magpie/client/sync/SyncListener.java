package im.magpie.client.sync;

import im.magpie.client.store.SyncBatch;

/** Hears about each sync page after it was committed to the local store. */
@FunctionalInterface
public interface SyncListener {
    void onApplied(SyncBatch batch);
}
