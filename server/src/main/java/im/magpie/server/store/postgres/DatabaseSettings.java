package im.magpie.server.store.postgres;

import java.util.Set;

/** Where the data lives: a PostgreSQL the server runs itself in {@code <dataDir>/db}, or an external one. */
public sealed interface DatabaseSettings {
    int DEFAULT_POOL_SIZE = 10;

    int poolSize();

    /**
     * Embedded PostgreSQL on {@code port} of the loopback interface; 0 = a free port, never one of {@code avoidPorts}
     * (the server's own listeners, which bind after the database has started and would find their port taken).
     */
    record Embedded(int port, int poolSize, Set<Integer> avoidPorts) implements DatabaseSettings {
        public Embedded {
            avoidPorts = Set.copyOf(avoidPorts);
        }

        public Embedded(int port, int poolSize) {
            this(port, poolSize, Set.of());
        }

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
