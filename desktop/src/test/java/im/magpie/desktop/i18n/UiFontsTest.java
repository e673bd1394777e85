package im.magpie.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiFontsTest {
    static final List<String> EVERYWHERE = List.of(
            "DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Segoe UI");

    @Test
    void chineseTakesThePlatformsOwnFamily() {
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Linux", EVERYWHERE))
                .contains("Noto Sans CJK SC");
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Windows 11", EVERYWHERE))
                .contains("Microsoft YaHei");
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Mac OS X", EVERYWHERE))
                .contains("PingFang SC");
    }

    @Test
    void withoutItsOwnFamilyAPlatformFallsBackToTheNextInstalledOne() {
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Linux", List.of("DejaVu Sans", "WenQuanYi Zen Hei")))
                .contains("WenQuanYi Zen Hei");
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Windows 10", List.of("Noto Sans CJK SC")))
                .contains("Noto Sans CJK SC");
        assertThat(UiFonts.family(Locale.SIMPLIFIED_CHINESE, "Linux", List.of("DejaVu Sans")))
                .isEmpty();
    }

    @Test
    void otherLanguagesKeepTheDefaultFont() {
        assertThat(UiFonts.family(Locale.ENGLISH, "Linux", EVERYWHERE)).isEmpty();
    }

    @Test
    void theStylesheetSetsTheFamilyOfTheWindowsAndDialogs() {
        String uri = UiFonts.stylesheetFor("Noto Sans CJK SC");
        assertThat(uri).startsWith("data:text/css;base64,");
        String css =
                new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(css).isEqualTo(".root, .dialog-pane { -fx-font-family: \"Noto Sans CJK SC\"; }\n");
    }
}
