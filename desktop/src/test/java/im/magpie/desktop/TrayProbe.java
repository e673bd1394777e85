package im.magpie.desktop;

import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.notify.UnreadBadges;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The process {@link TrayIconIT} drives on a real X display with a tray (trayer): a main window with the real
 * {@link UnreadBadges} over an unread count, the window restored as the app restores it. It reads commands from
 * standard input and answers each with one line on standard output, after {@link #ANSWER}:
 *
 * <ul>
 *   <li>{@code find}: {@code icon X Y W H} where the tray shows Magpie's blue tile, or {@code icon none};
 *   <li>{@code unread N}: sets the count; {@code ok};
 *   <li>{@code look X Y W H}: {@code pixels ACCENT BADGE}, how many pixels of that screen area are Magpie's blue and
 *       the badge's red;
 *   <li>{@code hide}: hides the window (as closing it does with a tray); {@code showing false};
 *   <li>{@code click X Y}: a real left click there; {@code ok};
 *   <li>{@code showing}: {@code showing true|false}; {@code title}: {@code title TEXT}.
 * </ul>
 */
final class TrayProbe {
    /** Starts every answer line (logging may write to standard output too). */
    static final String ANSWER = "probe: ";

    static final Color ACCENT = new Color(0x1f, 0x6f, 0xeb);
    static final Color BADGE = new Color(0xcf, 0x22, 0x2e);
    /** Colour distance that still counts as the same colour (anti-aliasing at the edges aside). */
    static final int TOLERANCE = 24;

    private final Robot robot;
    private final Stage stage;
    private final SimpleIntegerProperty unread;

    private TrayProbe(Robot robot, Stage stage, SimpleIntegerProperty unread) {
        this.robot = robot;
        this.stage = stage;
        this.unread = unread;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // JavaFX first: AWT loaded first would load a GTK that JavaFX's GTK 3 glass cannot share the process with
        SimpleIntegerProperty unread = new SimpleIntegerProperty(0);
        Stage stage = showWindow(unread);
        TrayProbe probe = new TrayProbe(new Robot(), stage, unread);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(ANSWER + probe.answer(line.strip().split(" ", -1)));
        }
        Platform.exit();
        System.exit(0);
    }

    /** The main window with the real {@link UnreadBadges} over {@code unread}. */
    private static Stage showWindow(SimpleIntegerProperty unread) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Stage> window = new java.util.concurrent.atomic.AtomicReference<>();
        Platform.startup(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 320, 200, javafx.scene.paint.Color.web("#808080")));
            s.setX(40);
            s.setY(300);
            Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
            UnreadBadges badges = new UnreadBadges(s, texts, unread, () -> NotificationComponents.restore(s));
            s.show();
            badges.start();
            window.set(s);
            shown.countDown();
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the window did not show");
        }
        return java.util.Objects.requireNonNull(window.get());
    }

    private String answer(String[] cmd) throws Exception {
        return switch (cmd[0]) {
            case "find" -> find();
            case "unread" -> onFx(() -> unread.set(Integer.parseInt(cmd[1])), "ok");
            case "look" ->
                look(new Rectangle(
                        Integer.parseInt(cmd[1]),
                        Integer.parseInt(cmd[2]),
                        Integer.parseInt(cmd[3]),
                        Integer.parseInt(cmd[4])));
            case "hide" -> onFx(() -> window().hide(), "showing false");
            case "click" -> click(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]));
            case "showing" -> "showing " + fx(() -> window().isShowing());
            case "title" -> "title " + fx(() -> window().getTitle());
            default -> "unknown " + cmd[0];
        };
    }

    private Stage window() {
        return stage;
    }

    /** The bounds of the blue tile on the whole screen (the window is grey, so only the tray icon is blue). */
    private String find() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getDefaultScreenDevice()
                .getDefaultConfiguration()
                .getBounds();
        BufferedImage shot = robot.createScreenCapture(screen);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if (near(shot.getRGB(x, y), ACCENT)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? "icon none" : "icon " + minX + " " + minY + " " + (maxX - minX + 1) + " " + (maxY - minY + 1);
    }

    private String look(Rectangle area) {
        BufferedImage shot = robot.createScreenCapture(area);
        int accent = 0;
        int badge = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                accent += near(rgb, ACCENT) ? 1 : 0;
                badge += near(rgb, BADGE) ? 1 : 0;
            }
        }
        return "pixels " + accent + " " + badge;
    }

    private String click(int x, int y) {
        robot.mouseMove(x, y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
        return "ok";
    }

    static boolean near(int rgb, Color c) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) <= TOLERANCE;
    }

    private static String onFx(Runnable action, String answer) throws Exception {
        fx(() -> {
            action.run();
            return answer;
        });
        return answer;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
