package im.magpie.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
    @TempDir
    Path dir;

    @Test
    void defaultsInAFreshDataDirectory() {
        Preferences p = Preferences.load(dir, Path.of("/home/zhang"));
        assertThat(p.notificationsProperty().get()).isTrue();
        assertThat(p.soundProperty().get()).isTrue();
        assertThat(p.autoReceiveProperty().get()).isFalse();
        assertThat(p.downloadDirProperty().get()).isEqualTo(Path.of("/home/zhang/Downloads/Magpie"));
        assertThat(p.languageProperty().get()).isNull();
        assertThat(p.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(p.file()).doesNotExist();
    }

    @Test
    void everyChangeIsSavedAndReadBack() throws Exception {
        Preferences p = Preferences.load(dir, Path.of("/home/zhang"));
        p.notificationsProperty().set(false);
        p.soundProperty().set(false);
        p.autoReceiveProperty().set(true);
        p.downloadDirProperty().set(Path.of("/data/recv"));
        p.languageProperty().set(Locale.ENGLISH);
        p.themeProperty().set(Theme.DARK);

        String text = Files.readString(dir.resolve(Preferences.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(text).contains("ui.theme=dark", "files.autoReceive=true", "ui.language=en");
        Preferences again = Preferences.load(dir, Path.of("/home/zhang"));
        assertThat(again.notificationsProperty().get()).isFalse();
        assertThat(again.soundProperty().get()).isFalse();
        assertThat(again.autoReceiveProperty().get()).isTrue();
        assertThat(again.downloadDirProperty().get()).isEqualTo(Path.of("/data/recv"));
        assertThat(again.languageProperty().get()).isEqualTo(Locale.ENGLISH);
        assertThat(again.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void unknownOrBrokenValuesFallBackToDefaults() throws Exception {
        Files.writeString(
                dir.resolve(Preferences.FILE_NAME),
                "ui.theme=purple\nui.language=fr\nfiles.downloadDir=relative/dir\nnotifications.enabled=maybe\n",
                StandardCharsets.UTF_8);
        Preferences p = Preferences.load(dir, Path.of("/home/zhang"));
        assertThat(p.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(p.languageProperty().get()).isNull();
        assertThat(p.downloadDirProperty().get()).isEqualTo(Path.of("/home/zhang/Downloads/Magpie"));
        assertThat(p.notificationsProperty().get()).isTrue();
    }
}
