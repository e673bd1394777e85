package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/** Who has and has not read a message (the sender is in neither list). */
public record ReadReceipts(List<UserId> read, List<UserId> unread) {}
