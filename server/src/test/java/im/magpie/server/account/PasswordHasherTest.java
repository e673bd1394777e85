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
    void defaultParametersMeetOwaspsArgon2idFloor() {
        // OWASP's password storage cheat sheet: m=12 MiB, t=3, p=1 is one of its equivalent minimums.
        // The cost per hash itself is a benchmark figure (bench S5), not a unit-test timing.
        PasswordHasher.Params p = PasswordHasher.DEFAULT;

        assertThat(p.memoryKib()).isGreaterThanOrEqualTo(12_288);
        assertThat(p.iterations()).isGreaterThanOrEqualTo(3);
        assertThat(p.parallelism()).isEqualTo(1);
    }
}
