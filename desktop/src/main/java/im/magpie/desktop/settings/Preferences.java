package im.magpie.desktop.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop preferences of this OS user: one small properties file in the client's data directory
 * ({@code <data-dir>/preferences.properties}, UTF-8), written at once on every change. Other features read the
 * properties (and may listen to them: changes apply live unless noted).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>values</th><th>default</th><th>read by</th></tr>
 * <tr><td>{@value #NOTIFICATIONS}</td><td>true, false</td><td>true</td><td>pop-up notifications</td></tr>
 * <tr><td>{@value #SOUND}</td><td>true, false</td><td>true</td><td>the notification sound</td></tr>
 * <tr><td>{@value #DOWNLOAD_DIR}</td><td>absolute folder</td><td>{@code ~/Downloads/Magpie}</td><td>saving and
 * auto-receiving files</td></tr>
 * <tr><td>{@value #AUTO_RECEIVE}</td><td>true, false</td><td>false</td><td>files saved to the download folder as
 * they arrive (F3)</td></tr>
 * <tr><td>{@value #LANGUAGE}</td><td>zh-CN, en</td><td>the system's</td><td>the next start ({@code --lang} wins)</td>
 * </tr>
 * <tr><td>{@value #THEME}</td><td>light, dark</td><td>light</td><td>the windows, live</td></tr>
 * </table>
 */
public final class Preferences {
    public static final String FILE_NAME = "preferences.properties";
    public static final String NOTIFICATIONS = "notifications.enabled";
    public static final String SOUND = "notifications.sound";
    public static final String DOWNLOAD_DIR = "files.downloadDir";
    public static final String AUTO_RECEIVE = "files.autoReceive";
    public static final String LANGUAGE = "ui.language";
    public static final String THEME = "ui.theme";
    private static final Logger LOG = LoggerFactory.getLogger(Preferences.class);

    private final Path file;
    private final BooleanProperty notifications = new SimpleBooleanProperty(true);
    private final BooleanProperty sound = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> downloadDir;
    private final BooleanProperty autoReceive = new SimpleBooleanProperty(false);
    private final ObjectProperty<@Nullable Locale> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    private Preferences(Path file, Path defaultDownloads) {
        this.file = file;
        this.downloadDir = new SimpleObjectProperty<>(defaultDownloads);
    }

    /** Reads {@code dataDir}/preferences.properties (missing or unreadable: defaults); {@code home} for defaults. */
    public static Preferences load(Path dataDir, Path home) {
        Preferences p = new Preferences(
                dataDir.resolve(FILE_NAME), home.resolve("Downloads").resolve("Magpie"));
        Properties stored = new Properties();
        if (Files.isRegularFile(p.file)) {
            try (Reader in = Files.newBufferedReader(p.file, StandardCharsets.UTF_8)) {
                stored.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("cannot read {}; using the defaults", p.file, e);
            }
        }
        p.apply(stored);
        p.notifications.addListener(o -> p.save());
        p.sound.addListener(o -> p.save());
        p.downloadDir.addListener(o -> p.save());
        p.autoReceive.addListener(o -> p.save());
        p.language.addListener(o -> p.save());
        p.theme.addListener(o -> p.save());
        return p;
    }

    private void apply(Properties stored) {
        notifications.set(!"false".equals(stored.getProperty(NOTIFICATIONS)));
        sound.set(!"false".equals(stored.getProperty(SOUND)));
        autoReceive.set("true".equals(stored.getProperty(AUTO_RECEIVE)));
        String dir = stored.getProperty(DOWNLOAD_DIR, "");
        if (!dir.isBlank() && Path.of(dir).isAbsolute()) {
            downloadDir.set(Path.of(dir));
        }
        String lang = stored.getProperty(LANGUAGE, "");
        language.set(
                switch (lang) {
                    case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
                    case "en" -> Locale.ENGLISH;
                    default -> null;
                });
        theme.set("dark".equals(stored.getProperty(THEME)) ? Theme.DARK : Theme.LIGHT);
    }

    /** Pop-up notifications for new messages. */
    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    /** A sound with each notification. */
    public BooleanProperty soundProperty() {
        return sound;
    }

    /** Where received files are saved (absolute). */
    public ObjectProperty<Path> downloadDirProperty() {
        return downloadDir;
    }

    /** Whether files are saved to {@link #downloadDirProperty()} as they arrive. */
    public BooleanProperty autoReceiveProperty() {
        return autoReceive;
    }

    /** The chosen language; null: the system's. Takes effect at the next start. */
    public ObjectProperty<@Nullable Locale> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Path file() {
        return file;
    }

    private void save() {
        Properties out = new Properties();
        out.setProperty(NOTIFICATIONS, String.valueOf(notifications.get()));
        out.setProperty(SOUND, String.valueOf(sound.get()));
        out.setProperty(DOWNLOAD_DIR, downloadDir.get().toString());
        out.setProperty(AUTO_RECEIVE, String.valueOf(autoReceive.get()));
        Locale lang = language.get();
        if (lang != null) {
            out.setProperty(LANGUAGE, lang.getLanguage().equals("zh") ? "zh-CN" : "en");
        }
        out.setProperty(THEME, theme.get().name().toLowerCase(Locale.ROOT));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.store(w, "Magpie desktop preferences");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save {}", file, e);
        }
    }
}
