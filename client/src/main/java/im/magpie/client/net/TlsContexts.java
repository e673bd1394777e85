package im.magpie.client.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/** Builds the client's TLS contexts, for Netty and for {@link java.net.http.HttpClient}, from one pinned trust manager. */
public final class TlsContexts {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final PinnedTrustManager trustManager;

    public TlsContexts(PinnedTrustManager trustManager) {
        this.trustManager = trustManager;
    }

    public PinnedTrustManager trustManager() {
        return trustManager;
    }

    /** For {@code HttpClient.newBuilder().sslContext(...)}. */
    public SSLContext jdkContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** For the Netty pipeline of the gateway connection. */
    public SslContext nettyContext() {
        try {
            return SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .trustManager(trustManager)
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }
}
