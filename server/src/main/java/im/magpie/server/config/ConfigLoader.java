package im.magpie.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads and validates the YAML configuration file; every missing key takes its default. */
public final class ConfigLoader {
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final int MAX_SECRET_BYTES = 4096;

    private final YAMLMapper yaml = new YAMLMapper();

    /** Loads {@code file}, or the defaults when {@code file} is null. */
    public ServerConfig load(@Nullable Path file) throws ConfigException {
        if (file == null) {
            return parse(MissingNode.getInstance());
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("configuration file " + file + " is larger than 1 MiB");
            }
            return parseYaml(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text (an empty text means all defaults). */
    public ServerConfig parseYaml(String text) throws ConfigException {
        JsonNode root;
        try {
            root = text.isBlank() ? MissingNode.getInstance() : yaml.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException("configuration is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isNull()) {
            root = MissingNode.getInstance();
        }
        if (!root.isMissingNode() && !root.isObject()) {
            throw new ConfigException("configuration must be a YAML mapping at the top level");
        }
        return parse(root);
    }

    private ServerConfig parse(JsonNode root) throws ConfigException {
        ServerConfig defaults = ServerConfig.defaults();
        ConfigSection top = new ConfigSection(root, "");
        String bind = top.string("bind_address", defaults.bindAddress());
        String publicHost = top.optionalString("public_host");
        Path dataDir = Path.of(top.string("data_dir", defaults.dataDir().toString()));
        ServerConfig config = new ServerConfig(
                bind,
                publicHost,
                dataDir,
                ports(top.section("ports")),
                tls(top.section("tls")),
                database(top.section("database")),
                limits(top.section("limits")),
                passwordHashing(top.section("password_hashing")),
                admin(top.section("admin")));
        top.rejectUnknownKeys();
        return config;
    }

    private static PortsConfig ports(ConfigSection s) throws ConfigException {
        PortsConfig d = PortsConfig.defaults();
        PortsConfig ports = new PortsConfig(
                s.port("discovery", d.discovery()),
                s.port("gateway", d.gateway()),
                s.port("api", d.api()),
                s.port("admin", d.admin()));
        s.rejectUnknownKeys();
        return ports;
    }

    private static TlsConfig tls(ConfigSection s) throws ConfigException {
        String cert = s.optionalString("certificate_file");
        String key = s.optionalString("private_key_file");
        s.rejectUnknownKeys();
        if ((cert == null) != (key == null)) {
            throw ConfigException.invalid(
                    s.name(cert == null ? "certificate_file" : "private_key_file"),
                    "(missing)",
                    "both tls.certificate_file and tls.private_key_file, or neither");
        }
        return new TlsConfig(cert == null ? null : Path.of(cert), key == null ? null : Path.of(key));
    }

    private DatabaseConfig database(ConfigSection s) throws ConfigException {
        String modeText = s.string("mode", "embedded");
        DatabaseMode mode;
        try {
            mode = DatabaseMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(s.name("mode"), modeText, "'embedded' or 'external'");
        }
        int embeddedPort = s.port("embedded_port", 0);
        String url = s.optionalString("url");
        String user = s.optionalString("user");
        String passwordFile = s.optionalString("password_file");
        s.rejectUnknownKeys();
        if (mode == DatabaseMode.EXTERNAL) {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw ConfigException.invalid(s.name("url"), url == null ? "(missing)" : url, "a jdbc:postgresql: URL");
            }
            if (user == null) {
                throw ConfigException.invalid(s.name("user"), "(missing)", "a database user name");
            }
        }
        Secret password = passwordFile == null ? null : readSecret(s.name("password_file"), Path.of(passwordFile));
        return new DatabaseConfig(mode, embeddedPort, url, user, password);
    }

    private static Secret readSecret(String key, Path file) throws ConfigException {
        try {
            if (Files.size(file) > MAX_SECRET_BYTES) {
                throw ConfigException.invalid(key, file, "a file of at most 4 KiB");
            }
            return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw ConfigException.invalid(
                    key, file, "a readable file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static LimitsConfig limits(ConfigSection s) throws ConfigException {
        LimitsConfig d = LimitsConfig.defaults();
        LimitsConfig limits = new LimitsConfig(
                s.number("max_file_bytes", d.maxFileBytes(), 1, 1L << 40),
                (int) s.number("recall_window_seconds", d.recallWindowSeconds(), 0, 86_400),
                (int) s.number("token_ttl_days", d.tokenTtlDays(), 1, 3650),
                (int) s.number("heartbeat_seconds", d.heartbeatSeconds(), 5, 600),
                (int) s.number("login_failures_per_account", d.loginFailuresPerAccount(), 1, 1000),
                (int) s.number("login_failures_per_address", d.loginFailuresPerAddress(), 1, 100_000));
        s.rejectUnknownKeys();
        return limits;
    }

    private static PasswordHashingConfig passwordHashing(ConfigSection s) throws ConfigException {
        PasswordHashingConfig d = PasswordHashingConfig.defaults();
        int parallelism = (int) s.number("parallelism", d.parallelism(), 1, 64);
        PasswordHashingConfig hashing = new PasswordHashingConfig(
                (int) s.number("memory_kib", d.memoryKib(), 8L * parallelism, 4L * 1024 * 1024),
                (int) s.number("iterations", d.iterations(), 1, 100),
                parallelism);
        s.rejectUnknownKeys();
        return hashing;
    }

    private static AdminConfig admin(ConfigSection s) throws ConfigException {
        AdminConfig admin = new AdminConfig(s.string("bind_address", "127.0.0.1"));
        s.rejectUnknownKeys();
        return admin;
    }
}
