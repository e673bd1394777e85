package im.magpie.desktop.notify;

/** What notifications ask of the client library. */
public interface NotifyPort {
    /** The logged-in user's id. */
    long selfUserId();

    void addIncomingListener(IncomingListener listener);

    void removeIncomingListener(IncomingListener listener);
}
