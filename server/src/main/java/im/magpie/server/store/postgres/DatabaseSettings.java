package im.magpie.server.store.postgres;

/** Where the data lives: a PostgreSQL the server runs itself in {@code <dataDir>/db}, or an external one. */
public sealed interface DatabaseSettings {
    int DEFAULT_POOL_SIZE = 10;

    int poolSize();

    /** Embedded PostgreSQL on {@code port} (0 = any free port) of the loopback interface. */
    record Embedded(int port, int poolSize) implements DatabaseSettings {
        public Embedded(int port) {
            this(port, DEFAULT_POOL_SIZE);
        }
    }

    /** An external PostgreSQL reached by JDBC URL. */
    record External(String jdbcUrl, String user, String password, int poolSize) implements DatabaseSettings {
        @Override
        public String toString() {
            return "External[" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }
}
