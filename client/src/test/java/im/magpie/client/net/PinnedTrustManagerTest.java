package im.magpie.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PinnedTrustManagerTest {
    private static TestPki pki;
    private static TestPki other;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create("acme");
        other = TestPki.create("evil");
    }

    private static X509Certificate[] chain(TestPki p) {
        return new X509Certificate[] {p.server().getCertificate(), p.ca().getCertificate()};
    }

    @Test
    void acceptsTheChainEndingInThePinnedAnchorWhateverTheHostName() throws Exception {
        PinnedTrustManager tm = new PinnedTrustManager(pki.caFingerprint(), Clock.systemUTC());
        assertThatCode(() -> tm.checkServerTrusted(chain(pki), "ECDHE_ECDSA")).doesNotThrowAnyException();
    }

    @Test
    void acceptsColonSeparatedUpperCasePins() throws Exception {
        String pretty = pki.caFingerprint().toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
        PinnedTrustManager tm = new PinnedTrustManager(pretty, Clock.systemUTC());
        assertThatCode(() -> tm.checkServerTrusted(chain(pki), "ECDHE_ECDSA")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherAnchorAsCertificateChanged() throws Exception {
        String pinned = pki.caFingerprint();
        String presented = other.caFingerprint();
        PinnedTrustManager tm = new PinnedTrustManager(pinned, Clock.systemUTC());
        assertThatThrownBy(() -> tm.checkServerTrusted(chain(other), "ECDHE_ECDSA"))
                .isInstanceOfSatisfying(CertificateChangedException.class, e -> {
                    assertThat(e.pinned()).isEqualTo(pinned);
                    assertThat(e.presented()).isEqualTo(presented);
                });
    }

    @Test
    void refusesALeafNotSignedByThePinnedAnchor() throws Exception {
        PinnedTrustManager tm = new PinnedTrustManager(pki.caFingerprint(), Clock.systemUTC());
        X509Certificate[] forged = {other.server().getCertificate(), pki.ca().getCertificate()};
        assertThatThrownBy(() -> tm.checkServerTrusted(forged, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .isNotInstanceOf(CertificateChangedException.class);
    }

    @Test
    void refusesAnExpiredCertificate() throws Exception {
        Clock later = Clock.fixed(Instant.now().plus(60, ChronoUnit.DAYS), ZoneOffset.UTC);
        PinnedTrustManager tm = new PinnedTrustManager(pki.caFingerprint(), later);
        assertThatThrownBy(() -> tm.checkServerTrusted(chain(pki), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void refusesALeafWithoutItsAnchor() throws Exception {
        PinnedTrustManager tm = new PinnedTrustManager(pki.caFingerprint(), Clock.systemUTC());
        assertThatThrownBy(() -> tm.checkServerTrusted(
                        new X509Certificate[] {pki.server().getCertificate()}, "x"))
                .isInstanceOf(CertificateChangedException.class);
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[0], "x"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void acceptsASelfSignedServerCertificateWhenItIsThePin() throws Exception {
        X509Bundle self = new CertificateBuilder()
                .subject("CN=self")
                .ecp256()
                .setIsCertificateAuthority(true)
                .buildSelfSigned();
        PinnedTrustManager tm = new PinnedTrustManager(Fingerprints.sha256(self.getCertificate()), Clock.systemUTC());
        assertThatCode(() -> tm.checkServerTrusted(new X509Certificate[] {self.getCertificate()}, "x"))
                .doesNotThrowAnyException();
    }

    @Test
    void trustsNoClients() throws Exception {
        PinnedTrustManager tm = new PinnedTrustManager(pki.caFingerprint(), Clock.systemUTC());
        assertThatThrownBy(() -> tm.checkClientTrusted(chain(pki), "x")).isInstanceOf(CertificateException.class);
        assertThat(tm.getAcceptedIssuers()).isEmpty();
    }
}
