package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.Quote;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.MessageFacts;
import im.magpie.server.messaging.OutgoingMessage;
import im.magpie.server.messaging.QuotedMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks a {@code SendMessageRequest} against the protocol's rules and turns it into an {@link OutgoingMessage}. */
final class OutgoingMessages {
    static final int MAX_TEXT_CHARS = 8_000;
    static final int MAX_NAME_CHARS = 255;
    static final int MAX_PATH_CHARS = 1_024;
    static final int MAX_FOLDER_ENTRIES = 10_000;
    static final int MAX_QUOTE_EXCERPT_CHARS = 200;

    private OutgoingMessages() {}

    static OutgoingMessage from(SendMessageRequest send) throws InvalidRequestException, MessageTooLargeException {
        ClientMessageId clientId;
        try {
            clientId = ClientMessageId.parse(send.getClientMessageId());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("client_message_id must be a UUID");
        }
        if (send.getConversationId() <= 0) {
            throw new InvalidRequestException("conversation_id is missing");
        }
        MessageBody body = send.getBody();
        List<String> fileIds = new ArrayList<>();
        switch (body.getContentCase()) {
            case TEXT -> checkText(body.getText().getText());
            case FILE -> checkFile(body.getFile(), fileIds);
            case FOLDER -> checkFolder(body.getFolder(), fileIds);
            default -> throw new InvalidRequestException("message body has no content");
        }
        byte[] bytes = body.toByteArray();
        if (bytes.length > OutgoingMessage.MAX_BODY_BYTES) {
            throw new MessageTooLargeException("message body is " + bytes.length + " bytes, at most "
                    + OutgoingMessage.MAX_BODY_BYTES + " are allowed");
        }
        List<UserId> mentions = body.getMentionUserIdsList().stream()
                .distinct()
                .map(UserId::new)
                .toList();
        return new OutgoingMessage(
                new ConversationId(send.getConversationId()),
                clientId,
                bytes,
                new MessageFacts(mentions, body.getMentionAll(), List.copyOf(fileIds), quote(body)));
    }

    /** The quoted message's seq and sender, after checking the shape of the quote; null when there is none. */
    private static @Nullable QuotedMessage quote(MessageBody body) throws InvalidRequestException {
        if (!body.hasQuote()) {
            return null;
        }
        Quote quote = body.getQuote();
        if (quote.getSeq() <= 0 || quote.getSenderUserId() <= 0) { // a uint64 above 2^63 reads as negative
            throw new InvalidRequestException("quote needs a seq and a sender_user_id");
        }
        String excerpt = quote.getExcerpt();
        if (excerpt.isBlank() || excerpt.codePointCount(0, excerpt.length()) > MAX_QUOTE_EXCERPT_CHARS) {
            throw new InvalidRequestException("quote excerpt must have 1.." + MAX_QUOTE_EXCERPT_CHARS + " characters");
        }
        return new QuotedMessage(quote.getSeq(), new UserId(quote.getSenderUserId()));
    }

    private static void checkText(String text) throws InvalidRequestException {
        if (text.isEmpty()) {
            throw new InvalidRequestException("text is empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
            throw new InvalidRequestException("text is longer than " + MAX_TEXT_CHARS + " characters");
        }
    }

    private static void checkFile(FileContent file, List<String> fileIds) throws InvalidRequestException {
        if (file.getFileId().isEmpty()) {
            throw new InvalidRequestException("file_id is missing");
        }
        checkName(file.getName(), true);
        fileIds.add(file.getFileId());
    }

    private static void checkFolder(FolderContent folder, List<String> fileIds) throws InvalidRequestException {
        checkName(folder.getName(), true);
        if (folder.getEntriesCount() == 0 || folder.getEntriesCount() > MAX_FOLDER_ENTRIES) {
            throw new InvalidRequestException("a folder needs 1.." + MAX_FOLDER_ENTRIES + " entries");
        }
        for (FolderEntry entry : folder.getEntriesList()) {
            checkPath(entry.getPath());
            checkFile(entry.getFile(), fileIds);
        }
    }

    /** Rejects empty or long names, "..", "\\", control characters and, for base names, "/". */
    static void checkName(String name, boolean baseName) throws InvalidRequestException {
        if (name.isEmpty() || name.length() > (baseName ? MAX_NAME_CHARS : MAX_PATH_CHARS)) {
            throw new InvalidRequestException("name is empty or too long");
        }
        if ((baseName && (name.contains("/") || name.equals(".")))
                || name.contains("..")
                || name.contains("\\")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("name contains '/', '\\\\', '..' or control characters");
        }
    }

    private static void checkPath(String path) throws InvalidRequestException {
        checkName(path, false);
        if (path.startsWith("/")) {
            throw new InvalidRequestException("folder entry path must be relative");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new InvalidRequestException("folder entry path has an empty, '.' or '..' segment");
            }
        }
    }
}
