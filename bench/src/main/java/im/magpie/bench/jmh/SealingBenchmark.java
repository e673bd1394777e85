package im.magpie.bench.jmh;

import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.crypto.SealingKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encryption at rest of one message body: the server's {@link SealingKey} (AES-256-GCM, counter nonce behind a random
 * part, associated data) on the serialized MessageBody of a 100-character text, sealing and opening.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SealingBenchmark {
    private final SecureRandom random = new SecureRandom();
    private final SealingKey key = new SealingKey(new byte[SealingKey.KEY_BYTES], random);
    private final byte[] nonce = new byte[12];
    private final byte[] body = MessageBody.newBuilder()
            .setText(TextContent.newBuilder().setText("y".repeat(100)))
            .build()
            .toByteArray();
    private final byte[] aad = "conversation:123456:seq:42".getBytes(StandardCharsets.US_ASCII);
    private final byte[] sealed = key.seal(body, aad);

    @Benchmark
    public byte[] seal() {
        return key.seal(body, aad);
    }

    @Benchmark
    public byte[] open() {
        return key.open(sealed, aad);
    }

    /** What a fully random 96-bit nonce per seal cost before counter nonces: one SecureRandom draw. */
    @Benchmark
    public byte[] secureRandomNonce() {
        random.nextBytes(nonce);
        return nonce;
    }

    /** What the log writer does per message before the INSERT: serialize the body, then seal it. */
    @Benchmark
    public byte[] serializeAndSeal() {
        return key.seal(
                MessageBody.newBuilder()
                        .setText(TextContent.newBuilder().setText("y".repeat(100)))
                        .build()
                        .toByteArray(),
                aad);
    }
}
