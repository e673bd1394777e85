package im.magpie.desktop.login;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the login window asks of the client library. Futures fail with {@link LoginException} for expected
 * outcomes; they complete on a client thread.
 */
public interface LoginPort {
    /** The remembered discovery address ({@code host[:port]}); empty on first run. */
    String rememberedServer();

    Optional<String> rememberedAccount();

    /**
     * Logs in; on first contact with a server {@code question} is asked whether to trust its certificate
     * fingerprint.
     */
    CompletableFuture<Void> login(String server, String account, String password, FingerprintQuestion question);
}
