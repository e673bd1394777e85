package im.magpie.server.config;

import org.jspecify.annotations.Nullable;

/**
 * The database. For {@link DatabaseMode#EXTERNAL}, {@code url} and {@code user} are required and the
 * password is read from the file named by the YAML key {@code password_file}.
 */
public record DatabaseConfig(
        DatabaseMode mode,
        int embeddedPort,
        @Nullable String url,
        @Nullable String user,
        @Nullable Secret password) {
    public static DatabaseConfig defaults() {
        return new DatabaseConfig(DatabaseMode.EMBEDDED, 0, null, null, null);
    }
}
