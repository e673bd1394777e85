package im.magpie.client.net;

import java.security.cert.CertificateException;

/**
 * The server presented a certificate chain whose trust anchor is not the pinned one: the server's certificate
 * changed (or someone is in the middle). The user must confirm the new fingerprint with the administrator.
 */
public final class CertificateChangedException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final String pinned;
    private final String presented;

    public CertificateChangedException(String pinned, String presented) {
        super("the server's certificate changed: pinned " + pinned + ", presented " + presented);
        this.pinned = pinned;
        this.presented = presented;
    }

    public String pinned() {
        return pinned;
    }

    public String presented() {
        return presented;
    }
}
