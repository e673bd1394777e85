package im.magpie.server.crypto;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CTR for file content. Each file has its own random key and 8-byte nonce; the counter is
 * the 16-byte block index of the plaintext offset, so any offset can be encrypted or decrypted
 * independently (resumable uploads, ranged downloads). Integrity comes from the SHA-256 the uploader
 * declared, checked over the decrypted content when the upload completes.
 */
public final class FileCipher {
    public static final int NONCE_BYTES = 8;
    private static final int BLOCK = 16;

    private final SecureRandom random;

    public FileCipher(SecureRandom random) {
        this.random = random;
    }

    /** A fresh key and nonce for one file. */
    public FileKey newKey() {
        byte[] key = new byte[SealingKey.KEY_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(key);
        random.nextBytes(nonce);
        return new FileKey(key, nonce);
    }

    /** A cipher positioned at plaintext {@code offset}; CTR encrypts and decrypts alike. */
    public Cipher at(FileKey key, long offset) {
        try {
            byte[] iv = ByteBuffer.allocate(BLOCK)
                    .put(key.nonce())
                    .putLong(offset / BLOCK)
                    .array();
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new IvParameterSpec(iv));
            int skip = (int) (offset % BLOCK);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("AES-CTR unavailable", e);
        }
    }

    /** Decrypts {@code ciphertext}, whose first byte is the ciphertext of plaintext byte {@code offset}. */
    public InputStream decrypting(FileKey key, long offset, InputStream ciphertext) {
        return new CipherInputStream(ciphertext, at(key, offset));
    }
}
