package im.magpie.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Command line of the desktop client: {@code --data-dir DIR} (default {@code ~/.magpie-desktop}),
 * {@code --server HOST[:PORT]}, {@code --lang zh-CN|en}, {@code --screenshots DIR} (render the screens to PNGs
 * and exit; the account's password comes from {@code $MAGPIE_PASSWORD} when the data directory has no session).
 */
public record DesktopOptions(
        Path dataDir,
        @Nullable String server,
        Locale locale,
        @Nullable Path screenshots,
        @Nullable String account) {

    public static DesktopOptions parse(List<String> args, Path home, Locale systemLocale) {
        Path dataDir = home.resolve(".magpie-desktop");
        String server = null;
        Locale locale = systemLocale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Path screenshots = null;
        String account = null;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (a) {
                case "--data-dir" -> dataDir = Path.of(next);
                case "--server" -> server = next;
                case "--lang" -> locale = Locale.forLanguageTag(next);
                case "--screenshots" -> screenshots = Path.of(next);
                case "--account" -> account = next;
                default ->
                    throw new IllegalArgumentException("unknown option " + a
                            + " (use --data-dir DIR, --server HOST[:PORT], --lang zh-CN|en, --screenshots DIR,"
                            + " --account NAME)");
            }
        }
        return new DesktopOptions(dataDir, server, locale, screenshots, account);
    }
}
