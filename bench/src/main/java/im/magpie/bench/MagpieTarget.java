package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Our server under test: the devices' network context, the admin API and the JVM probe of the server process. */
record MagpieTarget(Params params, Net net, AdminApi admin, JvmProbe jvm, long serverPid) {

    /** New (not yet connected) devices for users {@code from..to-1} (modulo the pool: a user may get several). */
    List<MagpieDevice> devices(int from, int to) {
        List<MagpieDevice> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(new MagpieDevice(new Device(net, Bench.account(i % params.users()), Bench.PASSWORD)));
        }
        return list;
    }

    /**
     * Connects devices 0..2n-1 ({@code resume}: with their tokens, else their passwords) and opens (or finds again)
     * one direct conversation per pair of consecutive devices.
     */
    List<Pair> pair(List<MagpieDevice> devices, boolean resume) throws BenchFailedException, InterruptedException {
        Connector.connectAll(devices, resume, 16, 120);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < devices.size(); i += 2) {
            MagpieDevice a = devices.get(i);
            MagpieDevice b = devices.get(i + 1);
            long conversation;
            try {
                conversation = a.device().openDirect(b.device().userId()).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new BenchFailedException("cannot open a direct conversation: " + e, e);
            }
            a.conversation(conversation);
            b.conversation(conversation);
            pairs.add(new Pair(a, b));
        }
        return pairs;
    }

    static List<Device> devicesOf(List<MagpieDevice> devices) {
        return devices.stream().map(MagpieDevice::device).toList();
    }
}
