package im.magpie.server.account;

/** A user's stable numeric id. */
public record UserId(long value) implements Comparable<UserId> {
    @Override
    public int compareTo(UserId other) {
        return Long.compare(value, other.value);
    }
}
