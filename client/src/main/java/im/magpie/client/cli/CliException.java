package im.magpie.client.cli;

/** A command failed in a way the user can act on; the message is printed as is. */
class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(String message) {
        this(message, 1);
    }

    int exitCode() {
        return exitCode;
    }
}
