package im.magpie.server.config;

/** A secret value (a password) whose {@code toString()} never shows it. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The secret itself: pass it on, never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}
