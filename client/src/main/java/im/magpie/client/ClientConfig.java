package im.magpie.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small plain-text file {@code client.json} in the data directory: which server and account to resume, and the
 * server's pinned certificate fingerprint (needed before the account's encrypted store can be chosen). No secrets.
 * {@code loggedOut}: the user logged the account out on this device; it stays remembered for the login window, but
 * there is no session to resume.
 */
record ClientConfig(String server, String account, String fingerprint, boolean loggedOut) {
    static final String FILE = "client.json";
    private static final long MAX_BYTES = 64 * 1024;

    static ClientConfig empty() {
        return new ClientConfig("", "", "", false);
    }

    static ClientConfig read(Path dataDir, ObjectMapper json) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return empty();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode n = json.readTree(Files.readAllBytes(file));
        return new ClientConfig(
                n.path("server").asText(""),
                n.path("account").asText(""),
                n.path("fingerprint").asText(""),
                n.path("loggedOut").asBoolean(false));
    }

    void write(Path dataDir, ObjectMapper json) throws IOException {
        Files.createDirectories(dataDir);
        ObjectNode n = json.createObjectNode()
                .put("server", server)
                .put("account", account)
                .put("fingerprint", fingerprint)
                .put("loggedOut", loggedOut);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    ClientConfig withServer(String s) {
        return s.equals(server) ? this : new ClientConfig(s, "", "", false);
    }

    /** {@code a} logged in (or, when empty, no account is remembered). */
    ClientConfig withAccount(String a) {
        return new ClientConfig(server, a, fingerprint, false);
    }

    /** The account logged out: remembered, but not resumed. */
    ClientConfig withLoggedOut() {
        return new ClientConfig(server, account, fingerprint, true);
    }

    ClientConfig withFingerprint(String f) {
        return new ClientConfig(server, account, f, loggedOut);
    }
}
