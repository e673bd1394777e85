package im.magpie.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray icon on a real system tray: a private Xvfb, Debian's {@code trayer} as the tray, and the app's
 * {@link im.magpie.desktop.notify.UnreadBadges} in a process of its own on that display ({@link TrayProbe}; AWT and
 * JavaFX on X11, not the Monocle of the other tests). The icon shows in the tray, its red badge comes and goes with
 * the unread count, and a real click on it brings the hidden window back. Skipped, saying why, where Xvfb or trayer
 * is missing ({@code .ci/desktop-deps} installs both).
 */
@Tag("integration")
class TrayIconIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    final List<Process> started = new ArrayList<>();

    @Nullable
    BufferedReader answers;

    @Nullable
    Writer commands;

    @AfterEach
    void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
        }
    }

    @Test
    void theIconShowsTheUnreadBadgeAndAClickBringsTheWindowBack() throws Exception {
        assumeTrue(onPath("Xvfb"), "no Xvfb on this machine: .ci/desktop-deps installs it");
        assumeTrue(
                onPath("trayer"),
                "no trayer (the system tray under Xvfb) on this machine: .ci/desktop-deps installs it");
        String display = startXvfb();
        startTrayer(display);
        startProbe(display);

        String[] icon = Awaitility.await("the tray icon")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ask("find").split(" ", -1), a -> a.length == 5);
        int x = Integer.parseInt(icon[1]);
        int y = Integer.parseInt(icon[2]);
        int w = Integer.parseInt(icon[3]);
        int h = Integer.parseInt(icon[4]);
        assertThat(w).as("the icon is a tile the tray's size").isBetween(12, 64);
        String area = "look " + x + " " + y + " " + w + " " + h;
        assertThat(badge(area)).as("no badge without unread").isZero();

        ask("unread 3");
        int three = Awaitility.await("the badge with 3").atMost(WAIT).until(() -> badge(area), n -> n > 0);
        assertThat(ask("title")).isEqualTo("title (3) 鹊桥");
        ask("unread 120");
        Awaitility.await("a wider badge with 99+").atMost(WAIT).until(() -> badge(area), n -> n > three);
        ask("unread 0");
        Awaitility.await("the badge gone").atMost(WAIT).until(() -> badge(area), n -> n == 0);

        assertThat(ask("hide")).isEqualTo("showing false");
        ask("click " + (x + w / 2) + " " + (y + h / 2));
        Awaitility.await("the window back after a click on the icon")
                .atMost(WAIT)
                .until(() -> ask("showing"), "showing true"::equals);
    }

    /** How many red badge pixels the icon's area shows now. */
    int badge(String area) throws IOException {
        String[] pixels = ask(area).split(" ", -1);
        return Integer.parseInt(pixels[2]);
    }

    String ask(String command) throws IOException {
        Writer w = java.util.Objects.requireNonNull(commands);
        w.write(command + "\n");
        w.flush();
        BufferedReader in = java.util.Objects.requireNonNull(answers);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(TrayProbe.ANSWER)) {
                return line.substring(TrayProbe.ANSWER.length());
            }
        }
        throw new IOException("the probe ended; its log: " + Files.readString(tmp.resolve("probe.log")));
    }

    /** Xvfb on a display number it picks itself (-displayfd). */
    String startXvfb() throws IOException {
        Process x =
                start(new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp")
                        .redirectError(tmp.resolve("xvfb.log").toFile()));
        String number =
                new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(number).as("Xvfb's display number").isNotNull().matches("\\d+");
        return ":" + number;
    }

    /** trayer at the top right, on a white ground; waits until its window is there. */
    void startTrayer(String display) throws IOException {
        ProcessBuilder trayer = new ProcessBuilder(
                        "trayer",
                        "--edge",
                        "top",
                        "--align",
                        "right",
                        "--widthtype",
                        "pixel",
                        "--width",
                        "160",
                        "--heighttype",
                        "pixel",
                        "--height",
                        "32",
                        "--SetDockType",
                        "false",
                        "--transparent",
                        "false",
                        "--tint",
                        "0xffffff")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("trayer.log").toFile());
        trayer.environment().put("DISPLAY", display);
        start(trayer);
        Awaitility.await("trayer's window").atMost(WAIT).until(() -> {
            ProcessBuilder xwininfo = new ProcessBuilder("xwininfo", "-root", "-children").redirectErrorStream(true);
            xwininfo.environment().put("DISPLAY", display);
            Process p = xwininfo.start();
            String tree = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = p.waitFor(10, TimeUnit.SECONDS);
            return ended && tree.contains("panel");
        });
    }

    /** The probe JVM on the display: AWT with a real toolkit, JavaFX on GTK with the software renderer. */
    void startProbe(String display) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder probe = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Djava.awt.headless=false",
                        "-Dprism.order=sw",
                        TrayProbe.class.getName())
                .redirectError(tmp.resolve("probe.log").toFile());
        probe.environment().put("DISPLAY", display);
        probe.environment().put("NO_AT_BRIDGE", "1");
        Process p = start(probe);
        commands = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        started.add(p);
        return p;
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator, -1)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
