package im.magpie.bench;

import im.magpie.bench.xmpp.XmppSession;
import java.util.ArrayList;
import java.util.List;

/** A running XMPP peer under test: where its devices connect, the domain, and the pool of users it knows. */
record XmppTarget(XmppSession.Endpoint endpoint, String domain, int users) {

    /** New (not yet connected) devices for users {@code from..to-1} (modulo the pool), each with its own resource. */
    List<XmppDevice> devices(int from, int to) {
        List<XmppDevice> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(new XmppDevice(
                    endpoint, new XmppSession.Account(domain, Bench.account(i % users), Bench.PASSWORD, "bench" + i)));
        }
        return list;
    }

    /** Connects the devices and makes consecutive devices partners (each sends to the other's bare JID). */
    List<Pair> pair(List<XmppDevice> devices) throws BenchFailedException, InterruptedException {
        Connector.connectAll(devices, false, 16, 120);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < devices.size(); i += 2) {
            XmppDevice a = devices.get(i);
            XmppDevice b = devices.get(i + 1);
            a.partner(b.bareJid());
            b.partner(a.bareJid());
            pairs.add(new Pair(a, b));
        }
        return pairs;
    }
}
