package im.magpie.server;

/** The server could not start: configuration, TLS material, a port, or the core failed. */
public final class ServerStartException extends Exception {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
