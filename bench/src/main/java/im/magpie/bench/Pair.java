package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;

/** Two users' devices that send to each other (Magpie: over their direct conversation; XMPP: to each other's JID). */
record Pair(SimDevice a, SimDevice b) {

    static List<SimDevice> devices(List<Pair> pairs) {
        List<SimDevice> all = new ArrayList<>();
        for (Pair p : pairs) {
            all.add(p.a());
            all.add(p.b());
        }
        return all;
    }

    static void sink(List<Pair> pairs, TextSink sink) {
        for (Pair p : pairs) {
            p.a().onText(sink);
            p.b().onText(sink);
        }
    }
}
