package im.magpie.desktop.login;

/** Why a login or resume did not work, as the user is told. Each has a translated text {@code login.error.*}. */
public enum LoginFailure {
    WRONG_PASSWORD("login.error.wrongPassword"),
    LOCKED("login.error.locked"),
    DISABLED("login.error.disabled"),
    UNREACHABLE("login.error.unreachable"),
    CERTIFICATE_CHANGED("login.error.certificateChanged"),
    FINGERPRINT_REJECTED("login.error.fingerprintRejected"),
    BAD_ADDRESS("login.error.badAddress"),
    SESSION_ENDED("login.error.sessionEnded"),
    /** An administrator wiped this device (remote wipe); its local data is gone. */
    DEVICE_WIPED("login.error.deviceWiped"),
    /** This device's stored messages (the encrypted store or its device key) could not be opened. */
    LOCAL_DATA("login.error.localData"),
    /** No stored session: just show the form, no error. */
    NOT_LOGGED_IN(""),
    OTHER("login.error.other");

    private final String textKey;

    LoginFailure(String textKey) {
        this.textKey = textKey;
    }

    public String textKey() {
        return textKey;
    }
}
