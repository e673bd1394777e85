package im.magpie.desktop.notify;

import im.magpie.desktop.chat.ConversationKind;

/**
 * One pop-up: the newest message of a conversation that the user has not seen yet. {@code title} is the sender (direct
 * chats) or the group's title; {@code line} the one-line preview ("张伟: 明天见" in groups); {@code count} how many
 * messages the pop-up stands for ({@code countText} says so when more than one, else empty); {@code mention} whether
 * one of them @mentions the user (the pop-up then says so before the line).
 */
public record Notice(
        long conversationId,
        long avatarId,
        ConversationKind kind,
        String title,
        String initials,
        String line,
        int count,
        String countText,
        long lastSeq,
        boolean mention) {}
