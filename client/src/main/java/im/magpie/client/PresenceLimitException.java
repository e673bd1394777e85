package im.magpie.client;

/** Watching more users would pass the server's cap of {@value PresenceWatches#MAX_USERS} per connection. */
public final class PresenceLimitException extends Exception {
    private static final long serialVersionUID = 1L;

    PresenceLimitException(int watched, long adding) {
        super("watching " + watched + " users, " + adding + " more would pass the limit of "
                + PresenceWatches.MAX_USERS);
    }
}
