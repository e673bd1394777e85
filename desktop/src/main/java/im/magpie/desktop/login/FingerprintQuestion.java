package im.magpie.desktop.login;

import java.util.concurrent.CompletableFuture;

/** Asks the user whether to trust (and pin) a server's certificate fingerprint on first contact. */
@FunctionalInterface
public interface FingerprintQuestion {
    CompletableFuture<Boolean> ask(String server, String fingerprint);
}
