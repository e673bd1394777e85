package im.magpie.server.admin.cli;

/** An admin call failed; {@link #exitCode()} is what the CLI exits with. */
final class AdminClientException extends Exception {
    static final int SERVER_ERROR = 1;
    static final int NOT_RUNNING = 3;

    private final int exitCode;

    AdminClientException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
