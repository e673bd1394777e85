package im.magpie.server.tls;

/** Certificates or keys cannot be read, generated or turned into a TLS context. */
public final class TlsException extends Exception {
    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }

    public TlsException(String message) {
        super(message);
    }
}
