package im.magpie.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT, new SecureRandom());

    @Test
    void verifiesTheRightPasswordOnly() {
        String phc = hasher.hash("correct horse 电池");

        assertThat(hasher.verify("correct horse 电池", phc)).isTrue();
        assertThat(hasher.verify("correct horse", phc)).isFalse();
    }

    @Test
    void writesAPhcStringWithParametersAndARandomSalt() {
        String a = hasher.hash("pw");
        String b = hasher.hash("pw");

        assertThat(a).startsWith("$argon2id$v=19$m=12288,t=3,p=1$");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Params(64, 1, 1), new SecureRandom());

        assertThat(hasher.verify("pw", cheap.hash("pw"))).isTrue();
    }

    @Test
    void rejectsMalformedHashes() {
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=999999999,t=1,p=1$AAAA$AAAA"))
                .isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=64,t=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void costsTensOfMillisecondsPerHash() {
        hasher.hash("warm-up");
        long start = System.nanoTime();
        int rounds = 5;
        for (int i = 0; i < rounds; i++) {
            hasher.hash("pw" + i);
        }
        long millis = (System.nanoTime() - start) / 1_000_000 / rounds;

        // Lower bound guards against accidentally cheap parameters; the upper bound is loose for shared CI cores.
        assertThat(millis).isBetween(5L, 500L);
    }
}
