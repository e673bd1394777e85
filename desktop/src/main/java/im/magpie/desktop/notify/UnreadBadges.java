package im.magpie.desktop.notify;

import im.magpie.desktop.i18n.Texts;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableIntegerValue;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unread count outside the window: always in the window title ("(3) 鹊桥"); on a tray icon with a badge where the
 * desktop has a system tray (click: the window comes back; menu: open, quit); on the taskbar or dock icon where the
 * platform supports badges. Without a tray (Xvfb, CI, a headless JVM) only the title shows it. With a tray, closing
 * the window leaves the application running in the tray.
 *
 * <p>AWT is started on a thread of its own, after the window shows, so that it never delays the first window; tray
 * calls run on the AWT event thread and hop to the FX thread for the window.
 */
public final class UnreadBadges {
    static final int TITLE_MAX = 99;
    private static final Logger LOG = LoggerFactory.getLogger(UnreadBadges.class);

    private final Stage stage;
    private final Texts texts;
    private final ObservableIntegerValue unread;
    private final Runnable restore;
    private final ChangeListener<Number> onChange = (o, was, now) -> update(now.intValue());
    private volatile @Nullable TrayIcon tray;
    private volatile boolean taskbarBadge;
    private volatile boolean disposed;

    /** Over the window {@code stage}, its unread total, and {@code restore} (brings the window back, FX thread). */
    public UnreadBadges(Stage stage, Texts texts, ObservableIntegerValue unread, Runnable restore) {
        this.stage = stage;
        this.texts = texts;
        this.unread = unread;
        this.restore = restore;
    }

    /** "(3) 鹊桥": the title with the unread count (99+ above 99), or the plain title when there is none. */
    public static String title(String base, int count) {
        return count <= 0 ? base : "(" + (count > TITLE_MAX ? TITLE_MAX + "+" : String.valueOf(count)) + ") " + base;
    }

    public void start() {
        unread.addListener(onChange);
        update(unread.get());
        Thread awt = new Thread(this::installOutsideTheWindow, "magpie-tray");
        awt.setDaemon(true);
        awt.start();
    }

    /** Takes the count away (the tray icon too) when the main window goes (log out). */
    public void dispose() {
        disposed = true;
        unread.removeListener(onChange);
        stage.setTitle(texts.get("app.title"));
        TrayIcon icon = tray;
        tray = null;
        if (icon != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
            Platform.setImplicitExit(true);
        }
        if (taskbarBadge) {
            EventQueue.invokeLater(() -> Taskbar.getTaskbar().setIconBadge(null));
        }
    }

    private void update(int count) {
        stage.setTitle(title(texts.get("app.title"), count));
        TrayIcon icon = tray;
        if (icon != null) {
            EventQueue.invokeLater(() -> {
                icon.setImage(TrayImages.withBadge(icon.getSize().width, count));
                icon.setToolTip(tooltip(count));
            });
        }
        if (taskbarBadge) {
            EventQueue.invokeLater(() -> Taskbar.getTaskbar().setIconBadge(count > 0 ? String.valueOf(count) : null));
        }
    }

    private String tooltip(int count) {
        return count > 0 ? texts.format("tray.tooltip", count) : texts.get("app.title");
    }

    /** On the "magpie-tray" thread: AWT start-up, then the tray icon and the taskbar badge where supported. */
    private void installOutsideTheWindow() {
        try {
            if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.ICON_BADGE_TEXT)) {
                taskbarBadge = true;
            }
            if (!SystemTray.isSupported()) {
                LOG.debug("no system tray here: the unread count is in the window title only");
            } else {
                EventQueue.invokeLater(this::addTrayIcon);
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.debug("no tray or taskbar here: {}", e.toString());
        }
        Platform.runLater(() -> update(unread.get()));
    }

    /** On the AWT event thread. */
    private void addTrayIcon() {
        if (disposed) {
            return;
        }
        SystemTray system = SystemTray.getSystemTray();
        int size = Math.max(16, system.getTrayIconSize().height);
        PopupMenu menu = new PopupMenu();
        MenuItem open = new MenuItem(texts.get("tray.open"));
        open.addActionListener(e -> Platform.runLater(restore));
        MenuItem quit = new MenuItem(texts.get("tray.quit"));
        quit.addActionListener(e -> Platform.runLater(Platform::exit));
        menu.add(open);
        menu.add(quit);
        TrayIcon icon = new TrayIcon(TrayImages.withBadge(size, 0), texts.get("app.title"), menu);
        icon.setImageAutoSize(true);
        icon.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    Platform.runLater(restore);
                }
            }
        });
        try {
            system.add(icon);
        } catch (AWTException e) {
            LOG.debug("the system tray refused the icon: {}", e.toString());
            return;
        }
        tray = icon;
        Platform.runLater(() -> {
            Platform.setImplicitExit(false); // closing the window keeps the app in the tray
            update(unread.get());
        });
    }
}
