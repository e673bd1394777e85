package im.magpie.server.files;

/** An expected failure of a file operation. {@link #reason()} names the condition for the transport's mapper. */
public final class FileException extends Exception {
    /** Why a file operation failed. */
    public enum Reason {
        /** Declared name, size or hash is malformed. */
        INVALID,
        /** The declared size is above the configured limit. */
        TOO_LARGE,
        /** No such upload for this user (or it expired). */
        UNKNOWN_UPLOAD,
        /** A chunk did not start where the upload stands; {@link #expectedOffset()} says where. */
        OFFSET_MISMATCH,
        /** All bytes arrived but their SHA-256 differs from the declared one; the upload restarts at 0. */
        CHECKSUM_MISMATCH,
        /** No such file, or the user may not read it (the two are not told apart). */
        NOT_FOUND
    }

    private final Reason reason;
    private final long expectedOffset;

    public FileException(Reason reason, String detail) {
        this(reason, detail, -1);
    }

    public FileException(Reason reason, String detail, long expectedOffset) {
        super(detail);
        this.reason = reason;
        this.expectedOffset = expectedOffset;
    }

    public Reason reason() {
        return reason;
    }

    public long expectedOffset() {
        return expectedOffset;
    }
}
