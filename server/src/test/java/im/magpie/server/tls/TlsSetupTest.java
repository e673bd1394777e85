package im.magpie.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.server.config.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSetupTest {
    private static final TlsConfig GENERATED = new TlsConfig(null, null);

    @TempDir
    Path dataDir;

    @Test
    void generatesACaAndServerCertificateOnFirstStart() throws Exception {
        TlsMaterial tls = new TlsSetup().prepare(GENERATED, dataDir, "im.example.com");

        X509Certificate server = tls.chain().get(0);
        X509Certificate ca = tls.trustAnchor();
        server.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(server.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(sans(server)).contains("localhost", "127.0.0.1", "im.example.com");
        assertThat(sans(server)).anyMatch(n -> n.equals("0:0:0:0:0:0:0:1") || n.equals("::1"));
        long years = java.time.Duration.between(
                                ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant())
                        .toDays()
                / 365;
        assertThat(years).isBetween(9L, 10L);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/ca.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/server.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void reusesTheSameMaterialOnTheNextStart() throws Exception {
        TlsMaterial first = new TlsSetup().prepare(GENERATED, dataDir, null);
        TlsMaterial second = new TlsSetup().prepare(GENERATED, dataDir, null);

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(second.chain().get(0)).isEqualTo(first.chain().get(0));
    }

    @Test
    void fingerprintIsTheSha256OfTheCaDer() throws Exception {
        TlsMaterial tls = new TlsSetup().prepare(GENERATED, dataDir, null);

        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(tls.trustAnchor().getEncoded());
        assertThat(tls.fingerprint()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(PemFiles.readCertificates(TlsSetup.caCertificateFile(dataDir))
                        .get(0))
                .isEqualTo(tls.trustAnchor());
    }

    @Test
    void issuesANewServerCertificateWhenThePublicHostChanges() throws Exception {
        TlsMaterial before = new TlsSetup().prepare(GENERATED, dataDir, null);
        TlsMaterial after = new TlsSetup().prepare(GENERATED, dataDir, "chat.example.org");

        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(sans(after.chain().get(0))).contains("chat.example.org");
    }

    @Test
    void loadsAnOperatorChainAndPinsItsLastCertificate() throws Exception {
        CertificateFactory factory = new CertificateFactory();
        KeyPair rootKeys = factory.newKeyPair();
        X509Certificate root = factory.newCa(rootKeys, "Operator Root");
        KeyPair leafKeys = factory.newKeyPair();
        X509Certificate leaf = factory.newServer(leafKeys, root, rootKeys.getPrivate(), Set.of("im.corp"));
        Path chain = dataDir.resolve("chain.pem");
        Path key = dataDir.resolve("key.pem");
        PemFiles.writeCertificates(chain, List.of(leaf, root));
        PemFiles.writePrivateKey(key, leafKeys.getPrivate());

        TlsMaterial tls = new TlsSetup().prepare(new TlsConfig(chain, key), dataDir, null);

        assertThat(tls.fingerprint()).isEqualTo(TlsMaterial.fingerprint(root));
        assertThat(tls.chain()).containsExactly(leaf, root);
        assertThat(Files.exists(dataDir.resolve("tls"))).isFalse();
        try (GatewayTls gateway = tls.gatewayTls(new java.security.SecureRandom())) {
            assertThat(gateway.context().isServer()).isTrue();
        }
        assertThat(tls.jdkServerContext().getProtocol()).isEqualTo("TLS");
    }

    private static List<String> sans(X509Certificate certificate) throws GeneralSecurityException, IOException {
        List<String> names = new ArrayList<>();
        certificate.getSubjectAlternativeNames().forEach(entry -> names.add(String.valueOf(entry.get(1))));
        return names;
    }
}
