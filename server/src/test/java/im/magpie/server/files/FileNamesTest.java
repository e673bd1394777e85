package im.magpie.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void acceptsPlainNames() {
        assertThat(FileNames.isValidName("季度报表 v2.pdf")).isTrue();
        assertThat(FileNames.isValidName("a".repeat(255))).isTrue();
        assertThat(FileNames.isValidName(".hidden")).isTrue();
    }

    @Test
    void rejectsPathsControlCharactersEmptyAndLongNames() {
        for (String bad : new String[] {"", "a/b", "a\\b", "..", "x..y", "a\u0000b", "tab\there", "a".repeat(256)}) {
            assertThat(FileNames.isValidName(bad)).as(bad).isFalse();
        }
        // 86 three-byte characters are 258 bytes
        assertThat(FileNames.isValidName("报".repeat(86))).isFalse();
    }

    @Test
    void checksHashes() {
        assertThat(FileNames.isValidSha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isTrue();
        assertThat(FileNames.isValidSha256("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"))
                .isFalse();
        assertThat(FileNames.isValidSha256("abc")).isFalse();
    }
}
