package im.magpie.desktop.settings;

import java.util.concurrent.CompletableFuture;

/** What the settings section asks of the client library. Futures complete off the FX thread. */
public interface SettingsPort {
    /** The signed-in user: display name, account and signature (from the people cache; blank until known). */
    CompletableFuture<Profile> profile();

    /** Sets the user's signature on the server (at most 100 characters, one line; empty clears it). */
    CompletableFuture<Void> setSignature(String signature);

    /** Ends the session on the server and forgets it here; the local data stays. */
    CompletableFuture<Void> logout();

    /** Ends the session and deletes this account's local database, device key and cache on this device. */
    CompletableFuture<Void> removeLocalData();

    /** The signed-in user as the settings show them. */
    record Profile(long userId, String account, String displayName, String signature) {}
}
