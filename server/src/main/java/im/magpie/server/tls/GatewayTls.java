package im.magpie.server.tls;

import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.net.ssl.SSLSessionContext;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's TLS context and its session tickets. With OpenSSL (BoringSSL through netty-tcnative) the context is
 * reference-counted: every connection's engine holds a reference and frees its native state when its channel closes
 * (no finalizer per connection), and {@link #close()} drops the gateway's own reference. Resumption is by stateless
 * TLS 1.3 session tickets (PSK with a fresh ECDHE), encrypted with keys of this process that {@link #rotateTicketKeys}
 * replaces every {@link #ROTATION}: tickets are issued under the newest key and accepted under the newest
 * {@link #KEYS_KEPT}, so a ticket lives at most {@code KEYS_KEPT × ROTATION}; a restart forgets every key (the next
 * handshake of each client is a full one). No server-side session cache. With the JDK provider (no native library)
 * neither applies: the JDK server keeps its own session cache.
 *
 * <p>Each OpenSSL connection keeps a native buffer for the TLS bytes BoringSSL writes while Netty reads (handshake
 * flights, session tickets, alerts) for as long as it is open: {@link #NON_APPLICATION_BUFFER_BYTES} instead of
 * Netty's 2,048 (idle sessions' native memory, docs/performance.md "Idle sessions, round 5"). A write that does not
 * fit waits in BoringSSL until Netty's next wrap, which drains the buffer and takes the rest directly.
 */
public final class GatewayTls implements AutoCloseable {
    public static final Duration ROTATION = Duration.ofHours(6);
    public static final int KEYS_KEPT = 3;
    /** Bytes of each connection's buffer for TLS records written while reading (Netty's default: 2,048). */
    public static final int NON_APPLICATION_BUFFER_BYTES = 512;

    private final SslContext context;
    private final @Nullable OpenSslServerSessionContext tickets;
    private final SecureRandom random;
    private final Deque<OpenSslSessionTicketKey> keys = new ArrayDeque<>(); // guarded by this

    GatewayTls(SslContext context, SecureRandom random) {
        this.context = context;
        this.random = random;
        SSLSessionContext sessions = context.sessionContext();
        this.tickets = sessions instanceof OpenSslServerSessionContext openSsl ? openSsl : null;
        if (context instanceof ReferenceCountedOpenSslContext openSslContext) {
            openSslContext.setBioNonApplicationBufferSize(NON_APPLICATION_BUFFER_BYTES);
        }
        if (tickets != null) {
            tickets.setSessionCacheEnabled(false);
            rotateTicketKeys();
        }
    }

    public SslContext context() {
        return context;
    }

    /** True when the context is OpenSSL's, with reference-counted engines and ticket keys of its own. */
    public boolean openSsl() {
        return tickets != null;
    }

    /** A new ticket key in front; the oldest beyond {@link #KEYS_KEPT} is dropped (its tickets no longer resume). */
    public synchronized void rotateTicketKeys() {
        if (tickets == null) {
            return;
        }
        keys.addFirst(new OpenSslSessionTicketKey(
                bytes(OpenSslSessionTicketKey.NAME_SIZE),
                bytes(OpenSslSessionTicketKey.HMAC_KEY_SIZE),
                bytes(OpenSslSessionTicketKey.AES_KEY_SIZE)));
        while (keys.size() > KEYS_KEPT) {
            keys.removeLast();
        }
        tickets.setTicketKeys(keys.toArray(OpenSslSessionTicketKey[]::new));
    }

    /** Handshakes resumed from a ticket of this process so far (0 with the JDK provider). */
    public long ticketResumptions() {
        return tickets == null
                ? 0
                : tickets.stats().ticketKeyResume() + tickets.stats().ticketKeyRenew();
    }

    /** Bytes of each new connection's buffer for TLS records written while reading (0 with the JDK provider). */
    public int nonApplicationBufferBytes() {
        return context instanceof ReferenceCountedOpenSslContext openSslContext
                ? openSslContext.getBioNonApplicationBufferSize()
                : 0;
    }

    /** References held on the context: 1 for the gateway plus one per live connection (-1 when not counted). */
    public int references() {
        return context instanceof ReferenceCounted counted ? counted.refCnt() : -1;
    }

    private byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** Drops the gateway's reference; the native context is freed once the last connection's engine is released. */
    @Override
    public void close() {
        if (references() > 0) {
            ReferenceCountUtil.release(context);
        }
    }
}
