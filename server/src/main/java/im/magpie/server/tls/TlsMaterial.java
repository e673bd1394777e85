package im.magpie.server.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The server's key, its certificate chain (leaf first) and the trust anchor clients pin. One
 * instance feeds both the Netty gateway and the JDK HTTPS servers, so every port shows the same chain.
 */
public final class TlsMaterial {
    /** The protocols every TLS port accepts. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final X509Certificate trustAnchor;

    TlsMaterial(PrivateKey key, List<X509Certificate> chain, X509Certificate trustAnchor) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.trustAnchor = trustAnchor;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** Lowercase hex SHA-256 of the trust anchor's DER encoding: what clients pin. */
    public String fingerprint() {
        return fingerprint(trustAnchor);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The gateway's context for Netty's SslHandler (TLS 1.2/1.3): OpenSSL with reference-counted engines and session
     * tickets when netty-tcnative loads (and {@code -Dio.netty.handler.ssl.noOpenSsl=true} is not set), else the JDK
     * provider. The caller closes it.
     */
    public GatewayTls gatewayTls(SecureRandom random) throws TlsException {
        SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL_REFCNT : SslProvider.JDK;
        try {
            SslContext context = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(provider)
                    .protocols(PROTOCOLS)
                    .sessionTimeout(GatewayTls.ROTATION
                            .multipliedBy(GatewayTls.KEYS_KEPT)
                            .toSeconds())
                    .build();
            return new GatewayTls(context, random);
        } catch (IOException e) {
            throw new TlsException("cannot build the Netty TLS context", e);
        }
    }

    /** A JDK context for the HTTPS servers; use with {@link #serverParameters(SSLContext)}. */
    public SSLContext jdkServerContext() throws TlsException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("cannot build the JDK TLS context", e);
        }
    }

    /** Parameters that restrict a JDK server socket to TLS 1.2/1.3. */
    public static SSLParameters serverParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        return parameters;
    }
}
