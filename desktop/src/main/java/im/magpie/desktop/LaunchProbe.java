package im.magpie.desktop;

import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;

/**
 * Measurement hooks for the client benchmark ({@code bin/magpie-desktop-bench}), on only with
 * {@code -Dmagpie.probe=true}. Prints to standard output:
 *
 * <ul>
 *   <li>{@code magpie-ready <epoch ms> <JVM uptime ms>} after the first pulse that laid out a non-empty conversation
 *       list (launch to usable main window);
 *   <li>then opens the newest conversation and prints {@code magpie-gap <epoch ms> <gap ms>} for every gap between
 *       two FX pulses over 20 ms, and {@code magpie-frames <epoch ms> <pulses>} once a second (an
 *       {@link AnimationTimer} keeps pulses coming, so a gap is the FX thread being busy).
 * </ul>
 */
final class LaunchProbe {
    static final String PROPERTY = "magpie.probe";
    static final long REPORTED_GAP_MS = 20;

    private final Scene scene;
    private final MainViewModel vm;
    private final PrintStream out;
    private boolean ready;

    private LaunchProbe(Scene scene, MainViewModel vm, PrintStream out) {
        this.scene = scene;
        this.vm = vm;
        this.out = out;
    }

    /** Attaches the probe to the main window when the property is set. */
    static void attachIfEnabled(Scene scene, MainViewModel vm) {
        if (Boolean.getBoolean(PROPERTY)) {
            new LaunchProbe(scene, vm, System.out).attach();
        }
    }

    private void attach() {
        vm.rows().addListener((ListChangeListener<ConversationRow>) c -> onRows());
        onRows();
    }

    private void onRows() {
        if (ready || vm.rows().isEmpty()) {
            return;
        }
        ready = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                out.println("magpie-ready " + System.currentTimeMillis() + " "
                        + ManagementFactory.getRuntimeMXBean().getUptime());
                out.flush();
                vm.selectedIdProperty().set(vm.rows().get(0).id());
                pulses().start();
            }
        });
    }

    private AnimationTimer pulses() {
        return new AnimationTimer() {
            private long last;
            private long second = System.currentTimeMillis();
            private int frames;

            @Override
            public void handle(long now) {
                long wall = System.currentTimeMillis();
                if (last != 0) {
                    long gapMs = (now - last) / 1_000_000;
                    if (gapMs > REPORTED_GAP_MS) {
                        out.println("magpie-gap " + wall + " " + gapMs);
                    }
                }
                last = now;
                frames++;
                if (wall - second >= 1000) {
                    out.println("magpie-frames " + wall + " " + frames);
                    out.flush();
                    frames = 0;
                    second = wall;
                }
            }
        };
    }
}
