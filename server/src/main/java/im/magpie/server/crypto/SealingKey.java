package im.magpie.server.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES-GCM key. {@link #seal} returns {@code nonce(12) || ciphertext || tag(16)} with a
 * fresh random nonce; the associated data binds the ciphertext to where it is stored.
 *
 * <p>Each thread keeps one {@link Cipher} per key: re-initialising it with the same key and a new
 * nonce skips the provider lookup and the AES key expansion, so a body costs only its GCM work.
 */
public final class SealingKey {
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SealingKey::newCipher);

    public SealingKey(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    public byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            out.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("AES-GCM seal failed", e);
        }
    }

    /** Decrypts and authenticates; throws {@link CryptoFailureException} when anything was altered. */
    public byte[] open(byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoFailureException("sealed data too short", new IllegalArgumentException());
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("AES-GCM open failed: data altered or wrong key", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("AES/GCM is not available", e);
        }
    }

    SecretKeySpec spec() {
        return key;
    }
}
