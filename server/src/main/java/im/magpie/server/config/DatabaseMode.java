package im.magpie.server.config;

/** Where PostgreSQL runs. */
public enum DatabaseMode {
    /** Started by the server from a bundled binary, data under {@code <data_dir>/postgres}. */
    EMBEDDED,
    /** An existing server reached by JDBC url, user and password. */
    EXTERNAL
}
