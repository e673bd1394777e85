package im.magpie.protocol;

/** Versions of the long-connection protocol. A server speaks every version in [MIN, CURRENT]. */
public final class ProtocolVersion {
    /** The version this build speaks and sends in {@code Hello}. */
    public static final int CURRENT = 1;

    /** The oldest version this build still accepts. */
    public static final int MIN_SUPPORTED = 1;

    private ProtocolVersion() {}

    public static boolean isSupported(int version) {
        return version >= MIN_SUPPORTED && version <= CURRENT;
    }
}
