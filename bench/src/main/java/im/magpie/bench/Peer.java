package im.magpie.bench;

import java.nio.file.Path;

/**
 * The XMPP servers a run set can put beside ours ({@code --peer}), each driven by its script under
 * {@code bench/peers/}, and what the result files say about its set-up and its CPU accounting.
 */
enum Peer {
    EJABBERD(
            "ejabberd",
            "Debian package, loopback only, direct TLS (XEP-0368) with a P-256 self-signed certificate, no s2s, "
                    + "mnesia, SASL PLAIN, plain password storage; durable (S6): mod_mam on SQLite",
            "beam.smp and its descendants (utime + stime from /proc); ours: server JVM + embedded PostgreSQL"),
    PROSODY(
            "prosody",
            "Debian package, loopback only, direct TLS (XEP-0368, c2s_direct_tls_ports) with a P-256 self-signed "
                    + "certificate, no s2s, epoll with nagle = false and opportunistic_writes, generational Lua GC, "
                    + "file storage, SASL PLAIN, plain password storage (internal_plain); durable (S6): mod_mam on "
                    + "SQLite (mod_storage_sql, LuaDBI)",
            "the prosody process (one Lua interpreter) and its descendants (utime + stime from /proc); ours: "
                    + "server JVM + embedded PostgreSQL");

    private final String serverName;
    private final String config;
    private final String cpu;

    Peer(String serverName, String config, String cpu) {
        this.serverName = serverName;
        this.config = config;
        this.cpu = cpu;
    }

    /** The name in the results ({@code server} of each round, the comparison's columns) and of its script. */
    String serverName() {
        return serverName;
    }

    String config() {
        return config;
    }

    String cpu() {
        return cpu;
    }

    /** {@code bench/peers/<name>}, relative to the repository's root. */
    Path script() {
        return Path.of("bench", "peers", serverName);
    }

    /** The peer named on the command line ({@code ejabberd}, {@code prosody}). */
    static Peer named(String name) {
        for (Peer p : values()) {
            if (p.serverName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no peer " + name);
    }
}
