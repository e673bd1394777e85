package im.magpie.bench;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;

/**
 * Which TLS implementation each side of a run used, for the machine facts. The server's is read from its process (a
 * server JVM that loaded netty-tcnative's library runs its gateway on OpenSSL, see {@code TlsMaterial.gatewayTls});
 * the generator's from the TLS context its devices use.
 */
final class TlsFacts {
    /** Part of the file name of netty-tcnative's native library once it is loaded. */
    static final String TCNATIVE_LIBRARY = "netty_tcnative";

    private TlsFacts() {}

    /** The gateway's TLS implementation as seen in the server process's mapped files. */
    static String server(ProcStat proc, long serverPid) throws BenchFailedException {
        try {
            return proc.maps(serverPid, TCNATIVE_LIBRARY)
                    ? openSsl()
                    : "JDK provider (netty-tcnative not loaded in the server process)";
        } catch (IOException e) {
            throw new BenchFailedException("cannot read the server's mapped files: " + e.getMessage(), e);
        }
    }

    /** The implementation of the generator's device contexts. */
    static String of(Net net) {
        return net.deviceProvider() == SslProvider.JDK ? "JDK provider (the client library's)" : openSsl();
    }

    /** The implementation the sessions workers' contexts get (the default client provider of this class path). */
    static String defaultClient() {
        return SslContext.defaultClientProvider() == SslProvider.JDK ? "JDK provider" : openSsl();
    }

    private static String openSsl() {
        return "OpenSSL (" + OpenSsl.versionString() + " via netty-tcnative)";
    }
}
