package im.magpie.client.net;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server only by its pinned trust anchor (protocol.md §2).
 *
 * <p>A chain passes when every certificate is within its validity dates, each is signed by the next, and the last
 * certificate's SHA-256 fingerprint equals the pin. Host names are deliberately not checked: the pin is the identity.
 * Being an {@link X509ExtendedTrustManager}, it also keeps the JDK from adding its own host name check.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final String pinnedSha256;
    private final Clock clock;
    private final LongAdder chainsChecked = new LongAdder();

    public PinnedTrustManager(String pinnedSha256, Clock clock) {
        this.pinnedSha256 = Fingerprints.normalise(pinnedSha256);
        this.clock = clock;
    }

    public String pinnedSha256() {
        return pinnedSha256;
    }

    /**
     * Server certificate chains checked so far: one per full TLS handshake. A resumed handshake (TLS 1.3 session
     * ticket) presents no certificate and is not counted.
     */
    public long chainsChecked() {
        return chainsChecked.sum();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chainsChecked.increment();
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        Date now = Date.from(clock.instant());
        for (int i = 0; i < chain.length; i++) {
            chain[i].checkValidity(now);
            if (i + 1 < chain.length) {
                verifySignedBy(chain[i], chain[i + 1], i);
            }
        }
        X509Certificate anchor = chain[chain.length - 1];
        String presented = Fingerprints.sha256(anchor);
        if (!presented.equals(pinnedSha256)) {
            throw new CertificateChangedException(pinnedSha256, presented);
        }
    }

    private static void verifySignedBy(X509Certificate subject, X509Certificate issuer, int index)
            throws CertificateException {
        if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new CertificateException("certificate " + index + " of the chain is not issued by the next one");
        }
        try {
            subject.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("certificate " + index + " of the chain is not signed by the next one", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
