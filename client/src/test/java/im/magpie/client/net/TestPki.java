package im.magpie.client.net;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An installation CA and a server certificate it issued, as the server creates on first start. */
record TestPki(X509Bundle ca, X509Bundle server) {
    static TestPki create(String name) throws Exception {
        Instant now = Instant.now();
        X509Bundle ca = new CertificateBuilder()
                .subject("CN=" + name + " CA")
                .setIsCertificateAuthority(true)
                .notBefore(now.minus(1, ChronoUnit.DAYS))
                .notAfter(now.plus(365, ChronoUnit.DAYS))
                .ecp256()
                .buildSelfSigned();
        X509Bundle server = new CertificateBuilder()
                .subject("CN=" + name)
                .addSanDnsName("magpie.invalid")
                .notBefore(now.minus(1, ChronoUnit.DAYS))
                .notAfter(now.plus(30, ChronoUnit.DAYS))
                .ecp256()
                .buildIssuedBy(ca);
        return new TestPki(ca, server);
    }

    String caFingerprint() throws Exception {
        return Fingerprints.sha256(ca.getCertificate());
    }
}
