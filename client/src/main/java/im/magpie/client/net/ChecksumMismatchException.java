package im.magpie.client.net;

/** The transferred bytes do not have the expected SHA-256; the transfer starts again from 0. */
public final class ChecksumMismatchException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(int status, String detail) {
        super(status, "CHECKSUM_MISMATCH", detail);
    }
}
