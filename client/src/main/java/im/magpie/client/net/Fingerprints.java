package im.magpie.client.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 fingerprints of certificates as 64 lowercase hex characters (protocol.md §2). */
public final class Fingerprints {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {}

    public static String sha256(X509Certificate certificate) throws CertificateEncodingException {
        return sha256(certificate.getEncoded());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Lower-cases and strips colons/spaces; throws when the result is not 64 hex characters. */
    public static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex characters");
        }
        return hex;
    }
}
