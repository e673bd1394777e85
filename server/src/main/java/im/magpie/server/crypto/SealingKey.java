package im.magpie.server.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES-GCM key. {@link #seal} returns {@code nonce(12) || ciphertext || tag(16)}; the
 * associated data binds the ciphertext to where it is stored.
 *
 * <p>Nonces are never repeated under one instance: 8 random bytes drawn when the instance is made,
 * followed by a 4-byte counter; after 2<sup>32</sup> seals the random part is drawn again. Several
 * instances of the same key (after a cache eviction or a restart) differ in their random part, so a
 * repeat needs two 64-bit draws to collide: the same bound as fully random 96-bit nonces for the
 * number of seals a key sees here, without a {@link SecureRandom} call per message.
 *
 * <p>Each thread keeps one {@link Cipher} per key: re-initialising it with the same key and a new
 * nonce skips the provider lookup and the AES key expansion, so a body costs only its GCM work.
 */
public final class SealingKey {
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int RANDOM_NONCE_BYTES = 8;
    static final long COUNTER_LIMIT = 1L << 32;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final long counterLimit;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SealingKey::newCipher);
    private final byte[] noncePrefix = new byte[RANDOM_NONCE_BYTES];
    private long sealed;

    public SealingKey(byte[] key, SecureRandom random) {
        this(key, random, COUNTER_LIMIT);
    }

    /** For tests: draws a new random nonce part every {@code counterLimit} seals. */
    SealingKey(byte[] key, SecureRandom random, long counterLimit) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes");
        }
        if (counterLimit < 1 || counterLimit > COUNTER_LIMIT) {
            throw new IllegalArgumentException("counter limit must be in [1, 2^32]");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
        this.counterLimit = counterLimit;
        random.nextBytes(noncePrefix);
    }

    public byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] nonce = nextNonce();
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

    private synchronized byte[] nextNonce() {
        if (sealed == counterLimit) {
            random.nextBytes(noncePrefix);
            sealed = 0;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(noncePrefix, 0, nonce, 0, RANDOM_NONCE_BYTES);
        int counter = (int) sealed++;
        nonce[8] = (byte) (counter >>> 24);
        nonce[9] = (byte) (counter >>> 16);
        nonce[10] = (byte) (counter >>> 8);
        nonce[11] = (byte) counter;
        return nonce;
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
