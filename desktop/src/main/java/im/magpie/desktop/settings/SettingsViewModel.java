package im.magpie.desktop.settings;

import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State behind the settings section: the user's profile and signature, the {@link Preferences}, and the log out /
 * remove local data actions. {@code signedOut} runs on the FX thread once either action finished.
 */
public final class SettingsViewModel {
    static final int MAX_SIGNATURE = 100;

    private final SettingsPort port;
    private final Preferences preferences;
    private final Texts texts;
    private final Executor fxThread;
    private final Runnable signedOut;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper account = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final StringProperty signature = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long userId;

    public SettingsViewModel(
            SettingsPort port, Preferences preferences, Texts texts, Executor fxThread, Runnable signedOut) {
        this.port = port;
        this.preferences = preferences;
        this.texts = texts;
        this.fxThread = fxThread;
        this.signedOut = signedOut;
        signature.addListener((o, was, now) -> status.set(""));
    }

    /** Loads the profile. */
    public void start() {
        var unused = port.profile()
                .thenAcceptAsync(
                        p -> {
                            userId = p.userId();
                            name.set(p.displayName());
                            account.set(p.account());
                            saved.set(p.signature());
                            signature.set(p.signature());
                        },
                        fxThread);
    }

    public Preferences preferences() {
        return preferences;
    }

    public long userId() {
        return userId;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** The signature being edited. */
    public StringProperty signatureProperty() {
        return signature;
    }

    /** "Saved" after a successful save; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last failure (translated); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while log out or remove local data runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Saves the signature; too long or multi-line text is refused here with a clear message. */
    public void saveSignature() {
        String s = signature.get().strip();
        if (s.codePointCount(0, s.length()) > MAX_SIGNATURE || s.chars().anyMatch(Character::isISOControl)) {
            error.set(texts.format("settings.signature.invalid", MAX_SIGNATURE));
            return;
        }
        error.set("");
        var unused = port.setSignature(s)
                .whenCompleteAsync(
                        (ok, failure) -> {
                            if (failure != null) {
                                error.set(texts.get("settings.signature.failed"));
                            } else {
                                saved.set(s);
                                signature.set(s);
                                status.set(texts.get("settings.signature.saved"));
                            }
                        },
                        fxThread);
    }

    /** Whether the edited signature differs from the saved one. */
    public boolean signatureChanged() {
        return !signature.get().strip().equals(saved.get());
    }

    public void setDownloadDir(Path dir) {
        if (dir.isAbsolute()) {
            preferences.downloadDirProperty().set(dir);
        }
    }

    public void logout() {
        finish(port.logout(), "settings.logout.failed");
    }

    /** Deletes this account's local data on this device (the view asks for confirmation first). */
    public void removeLocalData() {
        finish(port.removeLocalData(), "settings.remove.failed");
    }

    private void finish(CompletableFuture<Void> action, String failureKey) {
        busy.set(true);
        error.set("");
        var unused = action.whenCompleteAsync(
                (ok, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(texts.get(failureKey));
                    } else {
                        signedOut.run();
                    }
                },
                fxThread);
    }
}
