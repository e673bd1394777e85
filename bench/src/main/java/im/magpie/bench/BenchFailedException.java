package im.magpie.bench;

/** The harness could not complete a run (server did not start, a scenario lost messages, a timeout passed). */
public final class BenchFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public BenchFailedException(String message) {
        super(message);
    }

    public BenchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
