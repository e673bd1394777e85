package im.magpie.server.presence;

/** Adding users would make a subscriber watch more than {@link PresenceService#MAX_SUBSCRIPTION} users. */
public final class SubscriptionFullException extends Exception {
    private static final long serialVersionUID = 1L;

    public SubscriptionFullException(String detail) {
        super(detail);
    }
}
