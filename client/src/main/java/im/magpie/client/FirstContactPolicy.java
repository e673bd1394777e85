package im.magpie.client;

/**
 * Decides on first contact with a server whether to trust (and pin) the certificate fingerprint that discovery
 * announced. A UI shows the fingerprint and asks; the CLI prints it and accepts (or compares with
 * {@code --fingerprint}).
 */
@FunctionalInterface
public interface FirstContactPolicy {
    boolean accept(String serverAddress, String certificateSha256);
}
