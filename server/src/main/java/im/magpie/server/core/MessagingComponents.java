package im.magpie.server.core;

import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.EventPublisher;
import im.magpie.server.messaging.LogConversationService;
import im.magpie.server.messaging.LogMessagingService;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.store.postgres.LogWriter;
import im.magpie.server.store.postgres.PostgresLogReader;
import java.security.SecureRandom;
import javax.sql.DataSource;

/** Conversations and their logs: the single log writer, the reader, and the two services. */
final class MessagingComponents implements AutoCloseable {
    private final LogWriter writer;
    private final MessagingService messaging;
    private final ConversationService conversations;

    MessagingComponents(
            DataSource db, MasterKey master, CoreSettings settings, EventPublisher publisher, SecureRandom random) {
        ConversationKeys keys = new ConversationKeys(master, random, ConversationKeys.DEFAULT_CACHE_SIZE);
        ConversationRules rules = new ConversationRules(settings.recallWindow());
        this.writer = new LogWriter(db, keys, rules, publisher, settings.clock());
        PostgresLogReader reader = new PostgresLogReader(db, keys);
        this.messaging = new LogMessagingService(writer, reader, LogMessagingService.DEFAULT_WRITE_TIMEOUT);
        this.conversations = new LogConversationService(writer, reader, LogMessagingService.DEFAULT_WRITE_TIMEOUT);
    }

    LogWriter writer() {
        return writer;
    }

    MessagingService messaging() {
        return messaging;
    }

    ConversationService conversations() {
        return conversations;
    }

    @Override
    public void close() {
        writer.close();
    }
}
