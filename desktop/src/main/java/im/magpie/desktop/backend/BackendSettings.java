package im.magpie.desktop.backend;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.PersonRecord;
import im.magpie.desktop.settings.SettingsPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@link SettingsPort} over the client library: the own entry of the people cache, signature, log out, wipe. */
final class BackendSettings implements SettingsPort {
    static final long REFRESH_SECONDS = 15;
    private final Supplier<MagpieClient> client;
    private final Executor people;

    BackendSettings(Supplier<MagpieClient> client, Executor people) {
        this.client = client;
        this.people = people;
    }

    @Override
    public CompletableFuture<Profile> profile() {
        return CompletableFuture.supplyAsync(
                () -> {
                    MagpieClient c = client.get();
                    long self = c.userId();
                    String account = c.rememberedAccount().orElse("");
                    // right after sign-in the people cache may not hold the user yet: fetch it once
                    PersonRecord p = c.person(self)
                            .or(() -> {
                                c.refreshPeople()
                                        .orTimeout(REFRESH_SECONDS, TimeUnit.SECONDS)
                                        .exceptionally(e -> 0)
                                        .join();
                                return c.person(self);
                            })
                            .orElseGet(() -> c.cachedUser(self)
                                    .map(u -> new PersonRecord(self, u.account(), u.displayName(), ""))
                                    .orElse(new PersonRecord(self, account, account, "")));
                    return new Profile(self, p.account(), p.displayName(), p.signature());
                },
                people);
    }

    @Override
    public CompletableFuture<Void> setSignature(String signature) {
        return client.get().setSignature(signature);
    }

    @Override
    public CompletableFuture<Void> logout() {
        return client.get().logout();
    }

    @Override
    public CompletableFuture<Void> removeLocalData() {
        return client.get().removeLocalData();
    }
}
