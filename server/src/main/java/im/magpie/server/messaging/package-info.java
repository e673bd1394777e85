/** Conversations and their logs: send, recall, read marks, groups, sync. Start at {@link im.magpie.server.messaging.MessagingService} and {@link im.magpie.server.messaging.ConversationService}. */
@NullMarked
package im.magpie.server.messaging;

import org.jspecify.annotations.NullMarked;
