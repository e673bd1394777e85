package im.magpie.desktop.group;

import im.magpie.desktop.chat.ChatException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** The translated text key for a failed group action. */
final class GroupFailures {
    private GroupFailures() {}

    static String textKey(@Nullable Throwable failure) {
        Throwable c = failure;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (!(c instanceof ChatException e)) {
            return "group.error.other";
        }
        return switch (e.kind()) {
            case PERMISSION_DENIED -> "group.error.permission";
            case OFFLINE -> "group.error.offline";
            case UNKNOWN_ACCOUNT -> "group.error.unknownAccount";
            default -> "group.error.other";
        };
    }
}
