package im.magpie.client.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MessageBody;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;

/** One line per log entry: time, conversation, seq, sender account, content. */
final class EntryFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final LongFunction<String> accountOf;

    EntryFormatter(ZoneId zone, LongFunction<String> accountOf) {
        this.zone = zone;
        this.accountOf = accountOf;
    }

    String format(EntryRecord e) {
        String time = TIME.format(Instant.ofEpochMilli(e.serverTimeMs()).atZone(zone));
        return time + "  [" + e.conversationId() + "#" + e.seq() + "] " + accountOf.apply(e.actorUserId()) + ": "
                + content(e);
    }

    static String content(EntryRecord e) {
        if (!e.isMessage()) {
            return "(" + e.kind().replace('_', ' ') + describeChange(e) + ")";
        }
        if (e.recalled()) {
            return "(recalled)";
        }
        try {
            MessageBody body = MessageBody.parseFrom(e.body());
            return marks(body)
                    + switch (body.getContentCase()) {
                        case TEXT -> body.getText().getText();
                        case FILE ->
                            "[file] " + body.getFile().getName() + " ("
                                    + body.getFile().getSize() + " bytes)";
                        case FOLDER ->
                            "[folder] " + body.getFolder().getName() + " ("
                                    + body.getFolder().getEntriesCount() + " files)";
                        case CONTENT_NOT_SET -> "(empty)";
                    };
        } catch (InvalidProtocolBufferException ex) {
            return "(unreadable message)";
        }
    }

    /** "(forwarded) " and "(reply to #seq: excerpt) " before the content, when they apply. */
    private static String marks(MessageBody body) {
        String marks = body.getForwarded() ? "(forwarded) " : "";
        if (body.hasQuote()) {
            marks += "(reply to #" + body.getQuote().getSeq() + ": "
                    + body.getQuote().getExcerpt() + ") ";
        }
        return marks;
    }

    private static String describeChange(EntryRecord e) {
        try {
            LogEntry entry = LogEntry.parseFrom(e.body());
            return switch (entry.getChangeCase()) {
                case RENAMED -> ": " + entry.getRenamed().getTitle();
                case CREATED ->
                    entry.getCreated().getTitle().isEmpty()
                            ? ""
                            : ": " + entry.getCreated().getTitle();
                case MEMBER_REMOVED -> ": user " + entry.getMemberRemoved().getUserId();
                case MEMBERS_ADDED -> ": " + entry.getMembersAdded().getMembersCount() + " members";
                default -> "";
            };
        } catch (InvalidProtocolBufferException ex) {
            return "";
        }
    }

    static String label(ConversationRecord c, long self, LongFunction<String> accountOf) {
        return switch (c.kind()) {
            case "GROUP" -> c.title();
            case "SELF" -> "(file transfer assistant)";
            default ->
                c.members().stream()
                        .filter(m -> m.userId() != self)
                        .map(m -> accountOf.apply(m.userId()))
                        .findFirst()
                        .orElse("(direct)");
        };
    }
}
