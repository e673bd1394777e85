package im.magpie.desktopbench;

import java.util.List;
import java.util.Locale;

/**
 * The gaps between FX pulses the probe reported ({@code [epoch ms, wall ms, FX-thread CPU ms]}, each over 20 ms of
 * either). The wall gap is what a user sees; the FX thread's CPU time within it is the app's own work (events,
 * runnables, CSS, layout), which the machine's load does not inflate: a stall over {@value #STALL_MS} ms of FX CPU is
 * ours to fix, a long wall gap with little CPU is the machine's.
 */
record FxGaps(List<long[]> gaps) {
    static final long STALL_MS = 50;

    long longestWall() {
        return gaps.stream().mapToLong(g -> g[1]).max().orElse(0);
    }

    long longestCpu() {
        return gaps.stream().mapToLong(g -> g[2]).max().orElse(0);
    }

    long wallOver(long ms) {
        return gaps.stream().filter(g -> g[1] > ms).count();
    }

    long cpuOver(long ms) {
        return gaps.stream().filter(g -> g[2] > ms).count();
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "Wall-clock gaps over %d ms: %d, longest %d ms. FX-thread CPU between two pulses over %d ms: **%d**,"
                        + " longest **%d ms**.",
                STALL_MS,
                wallOver(STALL_MS),
                longestWall(),
                STALL_MS,
                cpuOver(STALL_MS),
                longestCpu());
    }
}
