package im.magpie.desktop.i18n;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.scene.text.Font;

/**
 * The font family of the windows for a language. Chinese text in JavaFX's default font comes from the platform's
 * fallback for CJK glyphs, which has no bold face, so bold headings ("登录鹊桥") were drawn regular; in zh-CN the
 * windows therefore use a Chinese family of the platform that has one: Noto Sans CJK SC on Linux, Microsoft YaHei on
 * Windows, PingFang SC on macOS (then that platform's other common families, then the other platforms'). When none is
 * installed, or for other languages, the default font stays.
 */
public final class UiFonts {
    private static final List<String> LINUX = List.of(
            "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei");
    private static final List<String> WINDOWS = List.of("Microsoft YaHei", "Microsoft YaHei UI", "DengXian");
    private static final List<String> MAC = List.of("PingFang SC", "Hiragino Sans GB", "Heiti SC");

    private UiFonts() {}

    /**
     * A stylesheet (a {@code data:} URI, added after {@code desktop.css} to a scene, or to a dialog's pane) that sets the
     * family of the windows for {@code locale} on this platform, or none when the default font stays.
     */
    public static Optional<String> stylesheet(Locale locale) {
        return family(locale, System.getProperty("os.name", ""), Font.getFamilies())
                .map(UiFonts::stylesheetFor);
    }

    /** The family for {@code locale} on the platform {@code osName} among the {@code installed} families, if any. */
    public static Optional<String> family(Locale locale, String osName, Collection<String> installed) {
        if (!locale.getLanguage().equals(Locale.CHINESE.getLanguage())) {
            return Optional.empty();
        }
        return candidates(osName).stream().filter(installed::contains).findFirst();
    }

    /** The platform's own families first, then the other platforms' (a Linux desktop with a Windows font folder). */
    static List<String> candidates(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<String> first = os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(LINUX);
        all.addAll(WINDOWS);
        all.addAll(MAC);
        return List.copyOf(all);
    }

    static String stylesheetFor(String family) {
        String css = ".root, .dialog-pane { -fx-font-family: \"" + family + "\"; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
