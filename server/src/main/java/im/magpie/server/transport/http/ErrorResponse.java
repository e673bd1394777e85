package im.magpie.server.transport.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Every HTTP error body: {@code {"code": "NOT_FOUND", "detail": "…"}}, plus {@code received} for OFFSET_MISMATCH. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        String code, String detail, @Nullable Long received) {
    public ErrorResponse(String code, String detail) {
        this(code, detail, null);
    }
}
