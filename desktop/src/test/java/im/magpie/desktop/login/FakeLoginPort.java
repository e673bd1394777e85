package im.magpie.desktop.login;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A {@link LoginPort} whose answers the test decides. */
final class FakeLoginPort implements LoginPort {
    String server = "chat.example.com:7080";
    String account = "zhangwei";
    CompletableFuture<Void> result = new CompletableFuture<>();
    String lastServer = "";
    String lastAccount = "";
    String lastPassword = "";
    FingerprintQuestion lastQuestion = (s, f) -> CompletableFuture.completedFuture(false);

    @Override
    public String rememberedServer() {
        return server;
    }

    @Override
    public Optional<String> rememberedAccount() {
        return account.isEmpty() ? Optional.empty() : Optional.of(account);
    }

    @Override
    public CompletableFuture<Void> login(String s, String a, String p, FingerprintQuestion q) {
        lastServer = s;
        lastAccount = a;
        lastPassword = p;
        lastQuestion = q;
        return result;
    }

    void fail(LoginFailure failure) {
        result.completeExceptionally(new LoginException(failure, "test"));
    }
}
