package im.magpie.desktop.chat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Finds the translated text for a failed chat action. */
final class ChatFailures {
    private ChatFailures() {}

    static String textKey(@Nullable Throwable failure) {
        Throwable c = failure;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof ChatException e ? e.kind().textKey() : ChatFailureKind.OTHER.textKey();
    }
}
