package im.magpie.server.transport.tcp;

import java.time.Duration;

/**
 * How long a new connection may take before it is useful: {@code tlsHandshake} from the TCP accept to the end of
 * the TLS handshake, then {@code hello} from the end of the handshake to the first frame. Separate deadlines, so
 * that a handshake slowed down by a busy machine does not eat into the time for the Hello.
 */
public record ConnectionDeadlines(Duration tlsHandshake, Duration hello) {
    /** 10 s for the TLS handshake, then 10 s for the Hello. */
    public static final ConnectionDeadlines DEFAULT =
            new ConnectionDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(10));

    public ConnectionDeadlines {
        if (tlsHandshake.isNegative() || tlsHandshake.isZero() || hello.isNegative() || hello.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive");
        }
    }
}
