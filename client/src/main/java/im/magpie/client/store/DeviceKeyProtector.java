package im.magpie.client.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the local database's key bound to this device and OS user.
 *
 * <p>The database key is 32 random bytes. It is stored beside the database in {@code <db>.key}, wrapped with
 * AES-256-GCM under a device-bound wrapping key:
 *
 * <ul>
 *   <li>on Windows, the wrapping key itself is random and stored protected by DPAPI (per user, per machine) in
 *       {@code <db>.wrap};
 *   <li>elsewhere it is {@code HMAC-SHA256(salt, "magpie-device-key-v1" ‖ machine id ‖ OS user)}, where the salt is
 *       32 random bytes stored in {@code <db>.salt} and the machine id comes from {@link MachineIdentity}.
 * </ul>
 *
 * <p>Copying the three files to another machine (or another user) gives a different wrapping key, and opening fails
 * with {@link DeviceMismatchException}.
 *
 * <p><b>Weakness of the derived key (non-Windows):</b> the machine id, the user name and the salt are all readable on
 * this machine, so anyone with root (or with the user's own file access) on the same machine can derive the wrapping
 * key and decrypt the database. It protects against copied files and lost backups, not against a local attacker.
 * A keyring (macOS Keychain, Secret Service) or a TPM would be needed for more.
 */
public final class DeviceKeyProtector {
    /** Length of the database key and of the wrapping key. */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_FILE_BYTES = 4096;
    private static final byte FORMAT_VERSION = 1;
    private static final byte[] AAD = "magpie-db-key-v1".getBytes(StandardCharsets.US_ASCII);

    private final MachineIdentity machine;
    private final SecureRandom random;

    public DeviceKeyProtector(MachineIdentity machine, SecureRandom random) {
        this.machine = machine;
        this.random = random;
    }

    /** True when a wrapped key exists beside {@code database}. */
    public static boolean hasKey(Path database) {
        return Files.exists(keyFile(database));
    }

    /** Creates and stores a new random database key for {@code database}; refuses to overwrite an existing key. */
    public byte[] createKey(Path database) throws IOException {
        if (hasKey(database)) {
            throw new IOException("a key already exists for " + database.getFileName());
        }
        byte[] key = randomBytes(KEY_BYTES);
        byte[] nonce = randomBytes(NONCE_BYTES);
        byte[] sealed;
        try {
            sealed = crypt(Cipher.ENCRYPT_MODE, wrappingKey(database, true), nonce, key);
        } catch (DeviceMismatchException e) {
            throw new IOException("cannot create a device-bound key for " + database.getFileName(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
        ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
        out.put(FORMAT_VERSION).put(nonce).put(sealed);
        writeAtomically(keyFile(database), out.array());
        return key;
    }

    /** Unwraps the stored key of {@code database}. */
    public byte[] loadKey(Path database) throws IOException, DeviceMismatchException {
        byte[] stored = readLimited(keyFile(database));
        if (stored.length != 1 + NONCE_BYTES + KEY_BYTES + TAG_BITS / 8 || stored[0] != FORMAT_VERSION) {
            throw new DeviceMismatchException("the key file of " + database.getFileName() + " is damaged");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(stored, 1, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[stored.length - 1 - NONCE_BYTES];
        System.arraycopy(stored, 1 + NONCE_BYTES, sealed, 0, sealed.length);
        byte[] wrapping = wrappingKey(database, false);
        try {
            return crypt(Cipher.DECRYPT_MODE, wrapping, nonce, sealed);
        } catch (AEADBadTagException e) {
            throw new DeviceMismatchException(
                    "the local database " + database.getFileName()
                            + " belongs to another machine or user and cannot be opened here",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Deletes the key material of {@code database} (remote wipe, logout with wipe). */
    public static void deleteKey(Path database) throws IOException {
        Files.deleteIfExists(keyFile(database));
        Files.deleteIfExists(saltFile(database));
        Files.deleteIfExists(dpapiFile(database));
    }

    private byte[] wrappingKey(Path database, boolean create) throws IOException, DeviceMismatchException {
        if (machine.hasDpapi()) {
            return dpapiWrappingKey(database, create);
        }
        byte[] salt = create ? createFile(saltFile(database), randomBytes(KEY_BYTES)) : readLimited(saltFile(database));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            mac.update("magpie-device-key-v1".getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(machine.machineId().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(machine.userName().getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] dpapiWrappingKey(Path database, boolean create) throws IOException, DeviceMismatchException {
        if (create) {
            byte[] key = randomBytes(KEY_BYTES);
            createFile(dpapiFile(database), com.sun.jna.platform.win32.Crypt32Util.cryptProtectData(key));
            return key;
        }
        try {
            return com.sun.jna.platform.win32.Crypt32Util.cryptUnprotectData(readLimited(dpapiFile(database)));
        } catch (com.sun.jna.platform.win32.Win32Exception e) {
            throw new DeviceMismatchException("DPAPI refused to unwrap the key of " + database.getFileName(), e);
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(AAD);
        return cipher.doFinal(input);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] createFile(Path file, byte[] content) throws IOException {
        writeAtomically(file, content);
        return content;
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] readLimited(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file.getFileName() + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private static Path keyFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".key");
    }

    private static Path saltFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".salt");
    }

    private static Path dpapiFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".wrap");
    }
}
