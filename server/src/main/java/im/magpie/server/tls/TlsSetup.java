package im.magpie.server.tls;

import im.magpie.server.config.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the operator's PEM chain, or else the installation CA and server certificate under
 * {@code <dataDir>/tls/}, generating them on first start (and a new server certificate when the
 * configured public host is not among its names).
 */
public final class TlsSetup {
    private static final Logger log = LoggerFactory.getLogger(TlsSetup.class);
    public static final String CA_CERT = "ca.pem";
    private static final String CA_KEY = "ca.key";
    private static final String SERVER_CERT = "server.pem";
    private static final String SERVER_KEY = "server.key";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final CertificateFactory factory = new CertificateFactory();

    public TlsMaterial prepare(TlsConfig config, Path dataDir, @Nullable String publicHost) throws TlsException {
        Path certificateFile = config.certificateFile();
        Path privateKeyFile = config.privateKeyFile();
        if (certificateFile != null && privateKeyFile != null) {
            List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
            return new TlsMaterial(PemFiles.readPrivateKey(privateKeyFile), chain, chain.get(chain.size() - 1));
        }
        try {
            return installation(dataDir.resolve("tls"), publicHost);
        } catch (IOException e) {
            throw new TlsException("cannot write TLS files under " + dataDir.resolve("tls"), e);
        }
    }

    /** The installation CA certificate of a data directory (what the admin CLI trusts). */
    public static Path caCertificateFile(Path dataDir) {
        return dataDir.resolve("tls").resolve(CA_CERT);
    }

    private TlsMaterial installation(Path dir, @Nullable String publicHost) throws IOException, TlsException {
        Files.createDirectories(dir);
        Path caCert = dir.resolve(CA_CERT);
        Path caKey = dir.resolve(CA_KEY);
        if (!Files.exists(caCert) || !Files.exists(caKey)) {
            KeyPair keys = factory.newKeyPair();
            X509Certificate ca = factory.newCa(keys, "Magpie installation CA " + CertificateFactory.localHostName());
            PemFiles.writePrivateKey(caKey, keys.getPrivate());
            PemFiles.writeCertificates(caCert, List.of(ca));
            Files.deleteIfExists(dir.resolve(SERVER_CERT));
            log.info("Generated a new installation CA in {}", dir);
        }
        X509Certificate ca = PemFiles.readCertificates(caCert).get(0);
        Set<String> names = wantedNames(publicHost);
        Path serverCert = dir.resolve(SERVER_CERT);
        Path serverKey = dir.resolve(SERVER_KEY);
        if (!Files.exists(serverCert)
                || !Files.exists(serverKey)
                || !covers(PemFiles.readCertificates(serverCert), names)) {
            KeyPair keys = factory.newKeyPair();
            X509Certificate server = factory.newServer(keys, ca, PemFiles.readPrivateKey(caKey), names);
            PemFiles.writePrivateKey(serverKey, keys.getPrivate());
            PemFiles.writeCertificates(serverCert, List.of(server, ca));
            log.info("Generated a new server certificate for {}", names);
        }
        PrivateKey key = PemFiles.readPrivateKey(serverKey);
        return new TlsMaterial(key, PemFiles.readCertificates(serverCert), ca);
    }

    /** True when the certificate ends within {@link #RENEW_BEFORE}: it is then issued again from the CA. */
    static boolean expiresSoon(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
    }

    private static Set<String> wantedNames(@Nullable String publicHost) {
        List<String> extra = new ArrayList<>();
        extra.add(CertificateFactory.localHostName());
        if (publicHost != null) {
            extra.add(publicHost);
        }
        return CertificateFactory.defaultNames(extra);
    }

    private static boolean covers(List<X509Certificate> chain, Set<String> names) throws TlsException {
        try {
            Collection<List<?>> sans = chain.get(0).getSubjectAlternativeNames();
            Set<String> present = new HashSet<>();
            if (sans != null) {
                sans.forEach(entry -> present.add(String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT)));
            }
            return names.stream()
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .allMatch(n -> present.contains(n) || (n.equals("::1") && present.contains("0:0:0:0:0:0:0:1")));
        } catch (CertificateParsingException e) {
            throw new TlsException("cannot read the names of the server certificate", e);
        }
    }
}
