package im.magpie.server.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Operator-supplied PEM files: the certificate chain (leaf first) and its private key. Both null
 * means the server generates and uses its own installation CA under {@code <data_dir>/tls/}.
 */
public record TlsConfig(
        @Nullable Path certificateFile, @Nullable Path privateKeyFile) {
    public boolean operatorSupplied() {
        return certificateFile != null && privateKeyFile != null;
    }
}
