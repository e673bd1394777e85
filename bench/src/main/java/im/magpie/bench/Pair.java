package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;

/** Two users' devices and their direct conversation. */
record Pair(Device a, Device b, long conversationId) {

    /** Connects the devices of users 0..2n-1 with their passwords and opens one direct conversation per pair. */
    static List<Pair> open(Bench bench, int n) throws BenchFailedException, InterruptedException {
        List<Device> devices = bench.devices(0, 2 * n);
        Connector.connectAll(devices, false, 16, 120);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Device a = devices.get(2 * i);
            Device b = devices.get(2 * i + 1);
            try {
                pairs.add(new Pair(a, b, a.openDirect(b.userId()).get(30, java.util.concurrent.TimeUnit.SECONDS)));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new BenchFailedException("cannot open a direct conversation: " + e, e);
            }
        }
        return pairs;
    }

    static List<Device> devices(List<Pair> pairs) {
        List<Device> all = new ArrayList<>();
        for (Pair p : pairs) {
            all.add(p.a());
            all.add(p.b());
        }
        return all;
    }

    static void sink(List<Pair> pairs, MessageSink sink) {
        for (Pair p : pairs) {
            p.a().sink(sink);
            p.b().sink(sink);
        }
    }
}
