package im.magpie.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileCipherTest {
    private final SecureRandom random = new SecureRandom();
    private final FileCipher cipher = new FileCipher(random);

    @Test
    void chunksEncryptedAtAnyOffsetJoinIntoOneDecryptableStream() throws IOException {
        byte[] plain = new byte[1000];
        random.nextBytes(plain);
        FileKey key = cipher.newKey();

        byte[] a = cipher.at(key, 0).update(Arrays.copyOfRange(plain, 0, 333));
        byte[] b = cipher.at(key, 333).update(Arrays.copyOfRange(plain, 333, 1000));
        byte[] whole = concat(a, b);

        assertThat(whole).isNotEqualTo(plain);
        assertThat(cipher.at(key, 0).update(plain)).isEqualTo(whole);
        try (InputStream in = cipher.decrypting(key, 0, new ByteArrayInputStream(whole))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void decryptsFromAnUnalignedOffset() throws IOException {
        byte[] plain = new byte[100];
        random.nextBytes(plain);
        FileKey key = cipher.newKey();
        byte[] encrypted = cipher.at(key, 0).update(plain);

        try (InputStream in =
                cipher.decrypting(key, 37, new ByteArrayInputStream(Arrays.copyOfRange(encrypted, 37, 100)))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, 37, 100));
        }
    }

    @Test
    void givesEachFileItsOwnKeystream() {
        byte[] zeros = new byte[64];

        assertThat(cipher.at(cipher.newKey(), 0).update(zeros))
                .isNotEqualTo(cipher.at(cipher.newKey(), 0).update(zeros));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
