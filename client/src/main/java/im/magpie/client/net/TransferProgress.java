package im.magpie.client.net;

/**
 * What a running upload or download reports to, and asks whether to stop. Called on the transferring thread; must be
 * cheap and must not block.
 */
public interface TransferProgress {
    /** Follows nothing and never stops. */
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void advanced(long bytes) {}

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code bytes} more of the content moved (a resumed transfer first reports what it already had). */
    void advanced(long bytes);

    /** Whether the transfer should stop now; it then fails with {@link TransferCancelledException}. */
    boolean cancelled();

    /** Throws {@link TransferCancelledException} when cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new TransferCancelledException();
        }
    }
}
