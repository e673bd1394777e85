package im.magpie.desktop.backend;

import im.magpie.client.DeviceWipedException;
import im.magpie.client.FingerprintRejectedException;
import im.magpie.client.NotLoggedInException;
import im.magpie.client.UnknownAccountException;
import im.magpie.client.net.ApiException;
import im.magpie.client.net.CertificateChangedException;
import im.magpie.client.net.ConnectionClosedException;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.FileTooLargeException;
import im.magpie.client.net.RequestFailedException;
import im.magpie.desktop.chat.ChatException;
import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.login.LoginException;
import im.magpie.desktop.login.LoginFailure;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps the client library's failures to the desktop's typed, translatable ones (once, here). */
final class Failures {
    private Failures() {}

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    static LoginException login(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof LoginException le) {
            return le;
        }
        return new LoginException(loginReason(t), String.valueOf(t.getMessage()), t);
    }

    /**
     * Why a stored session could not be opened: no session or an ended one (the login window explains it), else this
     * device's local data (the store or its key) could not be opened.
     */
    static LoginException storedSession(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof NotLoggedInException) {
            return login(t);
        }
        return new LoginException(LoginFailure.LOCAL_DATA, String.valueOf(t.getMessage()), t);
    }

    private static LoginFailure loginReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateChangedException) {
                return LoginFailure.CERTIFICATE_CHANGED;
            }
        }
        if (t instanceof DeviceWipedException) {
            return LoginFailure.DEVICE_WIPED;
        }
        if (t instanceof RequestFailedException r) {
            return switch (r.code()) {
                case ERROR_CODE_INVALID_CREDENTIALS -> LoginFailure.WRONG_PASSWORD;
                case ERROR_CODE_RATE_LIMITED -> LoginFailure.LOCKED;
                case ERROR_CODE_ACCOUNT_DISABLED -> LoginFailure.DISABLED;
                case ERROR_CODE_INVALID_TOKEN, ERROR_CODE_NOT_AUTHENTICATED -> LoginFailure.SESSION_ENDED;
                default -> LoginFailure.OTHER;
            };
        }
        if (t instanceof FingerprintRejectedException) {
            return LoginFailure.FINGERPRINT_REJECTED;
        }
        if (t instanceof NotLoggedInException e) {
            return e.sessionEnded() ? LoginFailure.SESSION_ENDED : LoginFailure.NOT_LOGGED_IN;
        }
        if (t instanceof IllegalArgumentException) {
            return LoginFailure.BAD_ADDRESS;
        }
        if (t instanceof DiscoveryException
                || t instanceof ConnectionClosedException
                || t instanceof TimeoutException
                || t instanceof IOException) {
            return LoginFailure.UNREACHABLE;
        }
        return LoginFailure.OTHER;
    }

    static ChatException chat(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ChatException ce) {
            return ce;
        }
        return new ChatException(chatKind(t), String.valueOf(t.getMessage()), t);
    }

    private static ChatFailureKind chatKind(Throwable t) {
        if (t instanceof UnknownAccountException) {
            return ChatFailureKind.UNKNOWN_ACCOUNT;
        }
        if (t instanceof ConnectionClosedException || t instanceof NotLoggedInException) {
            return ChatFailureKind.OFFLINE;
        }
        if (t instanceof FileTooLargeException) {
            return ChatFailureKind.TOO_LARGE;
        }
        if (t instanceof RequestFailedException r) {
            return switch (r.code()) {
                case ERROR_CODE_RECALL_WINDOW_EXPIRED -> ChatFailureKind.RECALL_EXPIRED;
                case ERROR_CODE_TOO_LARGE -> ChatFailureKind.TOO_LARGE;
                case ERROR_CODE_PERMISSION_DENIED, ERROR_CODE_NOT_A_MEMBER -> ChatFailureKind.PERMISSION_DENIED;
                case ERROR_CODE_NOT_FOUND -> ChatFailureKind.UNKNOWN_ACCOUNT;
                default -> ChatFailureKind.OTHER;
            };
        }
        if (t instanceof ApiException) {
            return ChatFailureKind.OTHER;
        }
        if (t instanceof IOException) {
            return ChatFailureKind.FILE_UNREADABLE;
        }
        return ChatFailureKind.OTHER;
    }

    /** A future that fails with the mapped chat failure when {@code f} fails. */
    static <T> java.util.concurrent.CompletableFuture<T> chat(java.util.concurrent.CompletableFuture<T> f) {
        return f.handle((v, e) -> {
            if (e != null) {
                throw new CompletionException(chat(e));
            }
            return v;
        });
    }
}
