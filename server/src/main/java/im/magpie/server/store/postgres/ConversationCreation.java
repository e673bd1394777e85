package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationModel;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.LogCommand;
import im.magpie.server.messaging.MessagingException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Get-or-create of direct, self and group conversations inside a {@link LogBatch}. */
final class ConversationCreation {
    private static final String INSERT = "INSERT INTO conversations (id, kind, title, wrapped_key, unique_key,"
            + " creator_id, client_request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final LogBatch batch;
    private final LogLookups lookups;
    private final ConversationRules rules;
    private final ConversationKeys keys;

    ConversationCreation(LogBatch batch, LogLookups lookups, ConversationRules rules, ConversationKeys keys) {
        this.batch = batch;
        this.lookups = lookups;
        this.rules = rules;
        this.keys = keys;
    }

    ConversationState openDirect(LogCommand.OpenDirect c) throws MessagingException, SQLException {
        if (c.caller().equals(c.peer())) {
            throw new InvalidRequestException("use the self conversation to talk to yourself");
        }
        long low = Math.min(c.caller().value(), c.peer().value());
        long high = Math.max(c.caller().value(), c.peer().value());
        String key = "d:" + low + ":" + high;
        Optional<ConversationId> existing = lookups.byUniqueKey(key);
        if (existing.isPresent()) {
            return batch.model(existing.get()).stateFor(c.caller());
        }
        lookups.requireUsers(List.of(c.caller(), c.peer()));
        return create(ConversationKind.DIRECT, "", c.caller(), List.of(c.peer()), key, null);
    }

    ConversationState openSelf(LogCommand.OpenSelf c) throws MessagingException, SQLException {
        String key = "s:" + c.caller().value();
        Optional<ConversationId> existing = lookups.byUniqueKey(key);
        if (existing.isPresent()) {
            return batch.model(existing.get()).stateFor(c.caller());
        }
        lookups.requireUsers(List.of(c.caller()));
        return create(ConversationKind.SELF, "", c.caller(), List.of(), key, null);
    }

    ConversationState createGroup(LogCommand.CreateGroup c) throws MessagingException, SQLException {
        List<UserId> others = rules.groupInvitees(c.caller(), c.title(), c.members(), c.clientRequestId());
        Optional<ConversationId> existing = lookups.byRequest(c.caller(), c.clientRequestId());
        if (existing.isPresent()) {
            return batch.model(existing.get()).stateFor(c.caller());
        }
        lookups.requireUsers(others);
        lookups.requireUsers(List.of(c.caller()));
        return create(ConversationKind.GROUP, c.title(), c.caller(), others, null, c.clientRequestId());
    }

    private ConversationState create(
            ConversationKind kind,
            String title,
            UserId caller,
            List<UserId> others,
            @Nullable String uniqueKey,
            @Nullable String requestId)
            throws MessagingException, SQLException {
        List<Change> changes = rules.create(kind, title, caller, others);
        long id = lookups.nextConversationId();
        byte[] wrapped = keys.newWrappedKey(id);
        try (PreparedStatement st = lookups.connection().prepareStatement(INSERT)) {
            st.setLong(1, id);
            st.setShort(2, Codes.kind(kind));
            st.setString(3, title);
            st.setBytes(4, wrapped);
            st.setString(5, uniqueKey);
            st.setLong(6, caller.value());
            st.setString(7, requestId);
            st.setTimestamp(8, Timestamp.from(batch.now()));
            st.executeUpdate();
        }
        ConversationModel model = new ConversationModel(new ConversationId(id), kind, title, 0, wrapped);
        batch.adopt(model);
        long first = batch.nextPos();
        for (Change change : changes) {
            batch.append(model, caller, change, first);
        }
        return model.stateFor(caller);
    }
}
