package im.magpie.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SealingKeyTest {
    private final SecureRandom random = new SecureRandom();
    private final SealingKey key = new SealingKey(bytes(32), random);
    private final byte[] aad = "conversation 7 seq 3".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealed() {
        byte[] plain = "季度报表 quarterly".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = key.seal(plain, aad);

        assertThat(sealed).hasSize(12 + plain.length + 16);
        assertThat(key.open(sealed, aad)).isEqualTo(plain);
    }

    @Test
    void usesAFreshNonceEveryTime() {
        byte[] plain = new byte[16];

        assertThat(key.seal(plain, aad)).isNotEqualTo(key.seal(plain, aad));
    }

    @Test
    void neverRepeatsANonceAcrossCounterWrapsAndInstances() {
        byte[] raw = bytes(32);
        SealingKey small = new SealingKey(raw, random, 4);
        SealingKey other = new SealingKey(raw, random, 4);
        Set<String> nonces = new HashSet<>();
        Set<String> randomParts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            for (SealingKey k : List.of(small, other)) {
                byte[] sealed = k.seal(new byte[1], aad);
                assertThat(nonces.add(HexFormat.of().formatHex(sealed, 0, 12))).isTrue();
                randomParts.add(HexFormat.of().formatHex(sealed, 0, 8));
                assertThat(k.open(sealed, aad)).hasSize(1);
            }
        }

        // 40 seals per instance with a counter of 4 values: the random part was drawn 10 times each.
        assertThat(randomParts).hasSize(20);
    }

    @Test
    void countsUpBehindOneRandomPart() {
        byte[] first = key.seal(new byte[1], aad);
        byte[] second = key.seal(new byte[1], aad);

        assertThat(Arrays.copyOf(second, 8)).isEqualTo(Arrays.copyOf(first, 8));
        assertThat(second[11] - first[11]).isEqualTo(1);
    }

    @Test
    void rejectsAFlippedCiphertextBit() {
        byte[] sealed = key.seal("hello".getBytes(StandardCharsets.UTF_8), aad);
        sealed[14] ^= 1;

        assertThatThrownBy(() -> key.open(sealed, aad)).isInstanceOf(CryptoFailureException.class);
    }

    @Test
    void rejectsOtherAssociatedData() {
        byte[] sealed = key.seal("hello".getBytes(StandardCharsets.UTF_8), aad);

        assertThatThrownBy(() -> key.open(sealed, "conversation 7 seq 4".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoFailureException.class);
    }

    @Test
    void rejectsAnotherKey() {
        byte[] sealed = key.seal("hello".getBytes(StandardCharsets.UTF_8), aad);

        assertThatThrownBy(() -> new SealingKey(bytes(32), random).open(sealed, aad))
                .isInstanceOf(CryptoFailureException.class);
    }

    @Test
    void rejectsTruncatedInput() {
        assertThatThrownBy(() -> key.open(new byte[10], aad)).isInstanceOf(CryptoFailureException.class);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
