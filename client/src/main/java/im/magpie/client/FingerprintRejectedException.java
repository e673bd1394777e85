package im.magpie.client;

/** On first contact the server's certificate fingerprint was not accepted (by the user or by --fingerprint). */
public final class FingerprintRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FingerprintRejectedException(String message) {
        super(message);
    }
}
