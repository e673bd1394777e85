package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFilesTest {
    @TempDir
    Path dir;

    private LocalStore open() throws Exception {
        return LocalStore.open(
                dir.resolve("u.db"), new DeviceKeyProtector(new FakeMachine("m", "u"), new SecureRandom()));
    }

    @Test
    void remembersPerConversationAndSurvivesReopening() throws Exception {
        Path report = dir.resolve("周报 第3版.docx");
        Path tree = dir.resolve("设计稿");
        try (LocalStore store = open()) {
            store.savedFiles().remember(10, "s42", report);
            store.savedFiles().remember(10, "c-abc", tree);
            store.savedFiles().remember(11, "s42", tree);
        }
        try (LocalStore store = open()) {
            assertThat(store.savedFiles().of(10, List.of("s42", "c-abc", "s43")))
                    .containsExactly(
                            java.util.Map.entry("s42", report.toAbsolutePath()),
                            java.util.Map.entry("c-abc", tree.toAbsolutePath()));
            assertThat(store.savedFiles().of(11, List.of("s42"))).containsOnlyKeys("s42");
            assertThat(store.savedFiles().of(12, List.of("s42"))).isEmpty();
        }
    }

    @Test
    void keepsFileNamesInsideTheEncryptedStore() throws Exception {
        try (LocalStore store = open()) {
            store.savedFiles().remember(10, "s1", dir.resolve("quarterly-secret-plan.xlsx"));
        }
        byte[] db = Files.readAllBytes(dir.resolve("u.db"));
        assertThat(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("quarterly-secret");
    }
}
