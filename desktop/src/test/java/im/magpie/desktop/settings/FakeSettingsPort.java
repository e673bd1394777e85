package im.magpie.desktop.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory {@link SettingsPort} that records what was asked. */
final class FakeSettingsPort implements SettingsPort {
    Profile profile = new Profile(1, "zhangwei", "张伟", "在开会");
    final List<String> signatures = new ArrayList<>();
    int logouts;
    int removals;
    boolean fail;

    @Override
    public CompletableFuture<Profile> profile() {
        return CompletableFuture.completedFuture(profile);
    }

    @Override
    public CompletableFuture<Void> setSignature(String signature) {
        if (fail) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline"));
        }
        signatures.add(signature);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> logout() {
        logouts++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> removeLocalData() {
        if (fail) {
            return CompletableFuture.failedFuture(new java.io.IOException("busy"));
        }
        removals++;
        return CompletableFuture.completedFuture(null);
    }
}
