package im.magpie.client.cli;

import im.magpie.client.FingerprintRejectedException;
import im.magpie.client.NotLoggedInException;
import im.magpie.client.UnknownAccountException;
import im.magpie.client.net.ApiException;
import im.magpie.client.net.CertificateChangedException;
import im.magpie.client.net.ConnectionClosedException;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.RequestFailedException;
import im.magpie.client.store.DeviceMismatchException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns a failure into one short line for stderr. */
final class ErrorMessages {
    private ErrorMessages() {}

    static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateChangedException e) {
                return "the server's certificate changed: pinned " + e.pinned() + ", presented " + e.presented()
                        + ". Check with your administrator before trusting it.";
            }
            if (c.getCause() == c) {
                break;
            }
        }
        if (t instanceof RequestFailedException
                || t instanceof ApiException
                || t instanceof NotLoggedInException
                || t instanceof UnknownAccountException
                || t instanceof FingerprintRejectedException
                || t instanceof DiscoveryException
                || t instanceof DeviceMismatchException
                || t instanceof ConnectionClosedException
                || t instanceof CliException) {
            return String.valueOf(t.getMessage());
        }
        if (t instanceof TimeoutException) {
            return "timed out waiting for the server";
        }
        if (t instanceof ConnectException) {
            return "cannot connect to the server: " + t.getMessage();
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
