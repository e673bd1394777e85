package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.ErrorReply;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.UnknownAccountException;
import im.magpie.server.messaging.ClientMessageIdConflictException;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.NotAMemberException;
import im.magpie.server.messaging.PermissionDeniedException;
import im.magpie.server.messaging.RecallWindowExpiredException;
import im.magpie.server.messaging.UnknownFileException;
import im.magpie.server.messaging.UnknownUserException;
import im.magpie.server.session.AccountDisabledException;
import im.magpie.server.session.InvalidCredentialsException;
import im.magpie.server.session.InvalidTokenException;
import im.magpie.server.session.RateLimitedException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where domain failures become protocol error codes. Anything unexpected becomes
 * {@code INTERNAL} with a random error id, logged once here with the request's context.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** Maps {@code failure} (unwrapping completion wrappers); {@code context} names the request for the log. */
    public ErrorReply map(Throwable failure, String context) {
        Throwable cause = unwrap(failure);
        ErrorCode code = codeOf(cause);
        ErrorReply.Builder reply = ErrorReply.newBuilder().setCode(code);
        if (code == ErrorCode.ERROR_CODE_INTERNAL) {
            String errorId = UUID.randomUUID().toString();
            log.error("Internal error {} while handling {}", errorId, context, cause);
            return reply.setDetail("error id " + errorId).build();
        }
        if (cause instanceof RateLimitedException limited) {
            reply.setRetryAfterMs(Math.max(0, limited.retryAfter().toMillis()));
        }
        return reply.setDetail(Objects.requireNonNullElse(cause.getMessage(), code.name()))
                .build();
    }

    static ErrorCode codeOf(Throwable cause) {
        if (cause instanceof InvalidCredentialsException) {
            return ErrorCode.ERROR_CODE_INVALID_CREDENTIALS;
        } else if (cause instanceof AccountDisabledException) {
            return ErrorCode.ERROR_CODE_ACCOUNT_DISABLED;
        } else if (cause instanceof RateLimitedException) {
            return ErrorCode.ERROR_CODE_RATE_LIMITED;
        } else if (cause instanceof InvalidTokenException) {
            return ErrorCode.ERROR_CODE_INVALID_TOKEN;
        } else if (cause instanceof ConversationNotFoundException
                || cause instanceof UnknownUserException
                || cause instanceof UnknownAccountException) {
            return ErrorCode.ERROR_CODE_NOT_FOUND;
        } else if (cause instanceof NotAMemberException) {
            return ErrorCode.ERROR_CODE_NOT_A_MEMBER;
        } else if (cause instanceof PermissionDeniedException) {
            return ErrorCode.ERROR_CODE_PERMISSION_DENIED;
        } else if (cause instanceof RecallWindowExpiredException) {
            return ErrorCode.ERROR_CODE_RECALL_WINDOW_EXPIRED;
        } else if (cause instanceof InvalidRequestException) {
            return ErrorCode.ERROR_CODE_BAD_REQUEST;
        } else if (cause instanceof UnknownFileException) {
            return ErrorCode.ERROR_CODE_FILE_NOT_FOUND;
        } else if (cause instanceof ClientMessageIdConflictException || cause instanceof AccountExistsException) {
            return ErrorCode.ERROR_CODE_CONFLICT;
        } else if (cause instanceof MessageTooLargeException) {
            return ErrorCode.ERROR_CODE_TOO_LARGE;
        }
        return ErrorCode.ERROR_CODE_INTERNAL;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
