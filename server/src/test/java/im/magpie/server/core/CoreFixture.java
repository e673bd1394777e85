package im.magpie.server.core;

import im.magpie.server.account.Account;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.PasswordHasher;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.EventPublisher;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.store.postgres.SharedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Starts {@link CoreComponents} on the shared test database with a fresh data directory. */
final class CoreFixture {
    static final PasswordHasher.Params CHEAP_HASHING = new PasswordHasher.Params(64, 1, 1);

    private CoreFixture() {}

    static CoreSettings settings(Path dataDir, Clock clock) {
        return CoreSettings.defaults(dataDir, null)
                .withDatabase(SharedPostgres.settings())
                .withPasswordHashing(CHEAP_HASHING)
                .withClock(clock);
    }

    static CoreComponents start(Path dataDir, Clock clock, EventPublisher publisher) throws IOException {
        SharedPostgres.truncateAll();
        return CoreComponents.start(settings(dataDir, clock), publisher);
    }

    static UserId user(CoreComponents core, String name) throws AccountExistsException {
        Account account = core.accounts().create(name, name, "secret-" + name);
        return account.id();
    }

    /** Records what the log writer published. */
    static final class RecordingPublisher implements EventPublisher {
        record Event(ConversationId conversation, long seq, List<UserId> audience, List<LogEntry> entries) {}

        private final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void conversationAdvanced(
                ConversationId conversation, long seq, Collection<UserId> audience, List<LogEntry> entries) {
            events.add(new Event(conversation, seq, List.copyOf(audience), List.copyOf(entries)));
        }

        @Override
        public void deliverTogether(Runnable effects) {
            effects.run();
        }

        synchronized List<Event> events() {
            return List.copyOf(events);
        }
    }
}
