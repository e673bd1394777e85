package im.magpie.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The admin bearer token: 256 random bits in {@code <dataDir>/admin.token}, mode 0600, created on first start. */
public final class AdminToken {
    public static final String FILE_NAME = "admin.token";

    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /** Reads the token of a data directory, creating it first when absent. */
    public static AdminToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        }
        return read(dataDir);
    }

    /** Reads an existing token (the CLI). */
    public static AdminToken read(Path dataDir) throws IOException {
        return new AdminToken(Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII)
                .strip());
    }

    /** Compares in constant time. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token itself: for the Authorization header only, never for logs. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "AdminToken[***]";
    }
}
