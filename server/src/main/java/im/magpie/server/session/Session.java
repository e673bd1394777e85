package im.magpie.server.session;

import im.magpie.server.account.Account;
import java.time.Instant;

/** A logged-in device. {@code token} is the bearer secret; the server keeps only its hash. */
public record Session(Account account, DeviceId device, String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "Session[user=" + account.id().value() + ", device=" + device.value() + ", token=***]";
    }
}
