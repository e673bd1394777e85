package im.magpie.desktop.backend;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.sync.LogEntries;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.chat.Quote;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MessageBody;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decodes stored log entries into what the chat shows. Read marks, recalls (their message shows as recalled) and the
 * user's mute and pin changes and their joining their own file transfer assistant (entries nobody wrote) are not
 * shown and decode to empty, so a conversation's preview is its last real message.
 */
final class EntryDecoder {
    private EntryDecoder() {}

    static Optional<Message> decode(EntryRecord e) {
        if ("read".equals(e.kind()) || "recalled".equals(e.kind()) || "settings_changed".equals(e.kind())) {
            return Optional.empty();
        }
        Content content = e.isMessage() ? message(e) : notice(e);
        if (content instanceof Content.Notice n
                && "created".equals(n.kind())
                && n.detail().isEmpty()) {
            return Optional.empty(); // a direct chat or the file transfer assistant being opened
        }
        if (content instanceof Content.Notice n
                && "members_added".equals(n.kind())
                && n.users().equals(List.of(e.actorUserId()))) {
            return Optional.empty(); // the user joining their own file transfer assistant
        }
        return Optional.of(new Message(
                e.conversationId(),
                e.seq(),
                e.actorUserId(),
                e.serverTimeMs(),
                content,
                e.recalled(),
                e.clientMessageId(),
                e.isMessage() && !e.recalled() && forwarded(e.body())));
    }

    /** The seq of the message a recall marker recalls; 0 for other entries and for a marker that cannot be read. */
    static long recallTarget(EntryRecord e) {
        if (!"recalled".equals(e.kind())) {
            return 0;
        }
        try {
            return LogEntry.parseFrom(e.body()).getRecalled().getTargetSeq();
        } catch (InvalidProtocolBufferException ex) {
            return 0;
        }
    }

    static Content body(byte[] bytes) throws InvalidProtocolBufferException {
        MessageBody body = MessageBody.parseFrom(bytes);
        return switch (body.getContentCase()) {
            case TEXT ->
                new Content.Text(
                        body.getText().getText(), body.getMentionUserIdsList(), body.getMentionAll(), quote(body));
            case FILE -> file(body.getFile());
            case FOLDER -> folder(body.getFolder());
            case CONTENT_NOT_SET -> new Content.Text("");
        };
    }

    /** Whether a message body carries the "forwarded" mark; false when it cannot be read. */
    static boolean forwarded(byte[] bytes) {
        try {
            return MessageBody.parseFrom(bytes).getForwarded();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private static @Nullable Quote quote(MessageBody body) {
        if (!body.hasQuote()) {
            return null;
        }
        im.magpie.protocol.v1.Quote q = body.getQuote();
        return new Quote(q.getSeq(), q.getSenderUserId(), q.getExcerpt(), false);
    }

    private static Content message(EntryRecord e) {
        if (e.recalled()) {
            return new Content.Text("");
        }
        try {
            return body(e.body());
        } catch (InvalidProtocolBufferException ex) {
            return new Content.Notice("unreadable", "");
        }
    }

    private static Content file(FileContent f) {
        return Content.Image.shows(f.getMediaType(), f.getName())
                ? new Content.Image(f.getName(), f.getSize())
                : new Content.File(f.getName(), f.getSize());
    }

    private static Content folder(FolderContent f) {
        long size = 0;
        for (FolderEntry entry : f.getEntriesList()) {
            size += entry.getFile().getSize();
        }
        return new Content.Folder(f.getName(), f.getEntriesCount(), size);
    }

    private static Content notice(EntryRecord e) {
        try {
            LogEntry entry = LogEntry.parseFrom(e.body());
            return switch (entry.getChangeCase()) {
                case CREATED -> new Content.Notice(e.kind(), entry.getCreated().getTitle());
                case RENAMED -> new Content.Notice(e.kind(), entry.getRenamed().getTitle());
                case MEMBERS_ADDED ->
                    new Content.Notice(
                            e.kind(),
                            // the count the preview shows: the people added, not their adder (a new group's
                            // entry lists its creator too)
                            String.valueOf(entry.getMembersAdded().getMembersList().stream()
                                    .filter(m -> m.getUserId() != e.actorUserId())
                                    .count()),
                            entry.getMembersAdded().getMembersList().stream()
                                    .map(im.magpie.protocol.v1.Member::getUserId)
                                    .toList());
                case MEMBER_REMOVED ->
                    new Content.Notice(
                            e.kind(),
                            entry.getMemberRemoved().getLeft() ? "left" : "",
                            List.of(entry.getMemberRemoved().getUserId()));
                case ROLE_CHANGED ->
                    new Content.Notice(
                            e.kind(),
                            LogEntries.role(entry.getRoleChanged().getRole()),
                            List.of(entry.getRoleChanged().getUserId()));
                default -> new Content.Notice(e.kind(), "");
            };
        } catch (InvalidProtocolBufferException ex) {
            return new Content.Notice(e.kind(), "");
        }
    }
}
