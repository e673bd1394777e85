package im.magpie.server.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the admin API. */
public final class AdminJson {
    private AdminJson() {}

    public record CreateUser(
            @Nullable String account,
            @Nullable String displayName,
            @Nullable String password) {}

    public record PasswordChange(@Nullable String password) {}

    public record CreateGroup(
            @Nullable String owner,
            @Nullable String title,
            @Nullable List<String> members) {}

    public record Kick(@Nullable String account, @Nullable String device) {}

    public record User(long userId, String account, String displayName, boolean disabled) {}

    /** {@code wipe}: "none", "ordered" (not yet reached the device) or "delivered". */
    public record Device(String device, String name, String platform, long firstSeenMs, long lastSeenMs, String wipe) {}

    /** One device's wipe order; {@code state} is "ordered" or "delivered". */
    public record WipeOrder(String device, long orderedAtMs, String state) {}

    public record Wiped(List<WipeOrder> orders, int connectionsClosed) {}

    public record Online(long userId, String device, String platform, String address, long sinceMs) {}

    public record Group(long conversationId, String title, List<Long> memberUserIds) {}

    public record Kicked(int connectionsClosed, int sessionsRevoked) {}
}
