package im.magpie.server.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The server's master key: 32 bytes from {@code MAGPIE_MASTER_KEY} (base64) when set, else from
 * {@code <dataDir>/keys/master.key}, created on first start with mode 0600 in a 0700 directory. It
 * never encrypts data directly: it wraps data keys and derives purpose-bound subkeys.
 */
public final class MasterKey {
    public static final String ENV_VAR = "MAGPIE_MASTER_KEY";
    private static final String KEY_DIR = "keys";
    private static final String KEY_FILE = "master.key";

    private final byte[] key;
    private final SecureRandom random;

    private MasterKey(byte[] key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** Loads the key from {@code envValue} (the environment variable's value, or null) or the key file. */
    public static MasterKey load(Path dataDir, @Nullable String envValue, SecureRandom random) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            byte[] key = Base64.getDecoder().decode(envValue.strip());
            if (key.length != SealingKey.KEY_BYTES) {
                throw new IOException(ENV_VAR + " must be 32 bytes in base64, got " + key.length + " bytes");
            }
            return new MasterKey(key, random);
        }
        Path dir = dataDir.resolve(KEY_DIR);
        Path file = dir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            create(dir, file, random);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != SealingKey.KEY_BYTES) {
            throw new IOException(file + " must hold exactly 32 bytes, found " + key.length);
        }
        return new MasterKey(key, random);
    }

    private static void create(Path dir, Path file, SecureRandom random) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] key = new byte[SealingKey.KEY_BYTES];
        random.nextBytes(key);
        try {
            Files.write(
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    key,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        }
    }

    /** A sealing key for wrapping other keys and small secrets. */
    public SealingKey wrappingKey() {
        return new SealingKey(derive("magpie/wrap/v1"), random);
    }

    /** HMAC-SHA256 keyed by a subkey for {@code purpose}; used for ids that must not reveal content hashes. */
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive("magpie/mac/" + purpose), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("HMAC failed", e);
        }
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new CryptoFailureException("key derivation failed", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
