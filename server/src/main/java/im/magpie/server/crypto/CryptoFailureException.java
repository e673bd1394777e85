package im.magpie.server.crypto;

/** Stored ciphertext failed authentication, or the JDK lacks a required algorithm. Never expected. */
public final class CryptoFailureException extends RuntimeException {
    public CryptoFailureException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
