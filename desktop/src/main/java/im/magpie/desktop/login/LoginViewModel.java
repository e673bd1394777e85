package im.magpie.desktop.login;

import im.magpie.desktop.i18n.Texts;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * State behind the login window: server address, account, password, the first-contact fingerprint question and
 * translated errors. {@link #loggedInProperty()} turns true once the main window may open.
 */
public final class LoginViewModel {
    static final int MAX_FIELD_CHARS = 256;
    static final int MAX_PASSWORD_CHARS = 1024;

    private final LoginPort port;
    private final Texts texts;
    private final Executor fxThread;

    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fingerprintServer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loggedIn = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canLogin;
    private final BooleanBinding accountRemembered;
    private @Nullable CompletableFuture<Boolean> pendingQuestion;

    public LoginViewModel(LoginPort port, Texts texts, Executor fxThread) {
        this.port = port;
        this.texts = texts;
        this.fxThread = fxThread;
        server.set(port.rememberedServer());
        String remembered = port.rememberedAccount().orElse("");
        account.set(remembered);
        accountRemembered = Bindings.createBooleanBinding(
                () -> !remembered.isEmpty() && remembered.equals(account.get().strip()) && !busy.get(), account, busy);
        canLogin = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && valid(server.get(), MAX_FIELD_CHARS)
                        && valid(account.get(), MAX_FIELD_CHARS)
                        && valid(password.get(), MAX_PASSWORD_CHARS),
                busy,
                server,
                account,
                password);
    }

    private static boolean valid(@Nullable String s, int max) {
        return s != null && !s.isBlank() && s.length() <= max;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The fingerprint the user is asked to trust; empty when no question is open. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fingerprintServerProperty() {
        return fingerprintServer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loggedInProperty() {
        return loggedIn.getReadOnlyProperty();
    }

    public BooleanBinding canLoginBinding() {
        return canLogin;
    }

    /**
     * The account field holds the account this computer remembers ("Your account is remembered on this computer"):
     * false on a first run, whatever is typed, and for another account.
     */
    public BooleanBinding accountRememberedBinding() {
        return accountRemembered;
    }

    /** The window opens because a stored session could not be used: says why ({@code NOT_LOGGED_IN}: nothing). */
    public void explain(LoginFailure reason) {
        error.set(reason.textKey().isEmpty() ? "" : texts.get(reason.textKey()));
    }

    public void login() {
        if (!canLogin.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set(texts.get("login.status.connecting"));
        var unused = port.login(server.get().strip(), account.get().strip(), password.get(), this::ask)
                .whenCompleteAsync(this::afterAttempt, fxThread);
    }

    /** The user trusts the shown fingerprint. */
    public void trustFingerprint() {
        answer(true);
    }

    /** The user does not trust the shown fingerprint. */
    public void rejectFingerprint() {
        answer(false);
    }

    private CompletableFuture<Boolean> ask(String serverAddress, String sha256) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        fxThread.execute(() -> {
            pendingQuestion = answer;
            fingerprintServer.set(serverAddress);
            fingerprint.set(groups(sha256));
        });
        return answer;
    }

    private void answer(boolean trust) {
        CompletableFuture<Boolean> q = pendingQuestion;
        pendingQuestion = null;
        fingerprint.set("");
        fingerprintServer.set("");
        if (q != null) {
            q.complete(trust);
        }
    }

    /** "ab12cd34..." as "AB12 CD34 ..." so a person can compare it with what the administrator reads out. */
    static String groups(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                b.append(i % 16 == 0 ? '\n' : ' ');
            }
            b.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private void afterAttempt(@Nullable Void ignored, @Nullable Throwable failure) {
        busy.set(false);
        status.set("");
        password.set("");
        if (failure == null) {
            loggedIn.set(true);
            return;
        }
        Throwable cause = unwrap(failure);
        explain(cause instanceof LoginException le ? le.failure() : LoginFailure.OTHER);
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
