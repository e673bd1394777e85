package im.magpie.server.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <dataDir>/admin.endpoint}: the URL of the running server's admin API, written at start and
 * removed at stop, so that {@code magpie-admin} finds the port (also when it was 0).
 */
public final class AdminEndpoint {
    public static final String FILE_NAME = "admin.endpoint";

    private AdminEndpoint() {}

    public static void write(Path dataDir, String bindAddress, int port) throws IOException {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        String literal = host.contains(":") ? "[" + host + "]" : host;
        Files.writeString(
                dataDir.resolve(FILE_NAME), "https://" + literal + ":" + port + "/\n", StandardCharsets.US_ASCII);
    }

    public static URI read(Path dataDir) throws IOException {
        return URI.create(Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII)
                .strip());
    }

    public static void remove(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    }
}
