package im.magpie.server.transport.tcp;

import im.magpie.server.account.AccountService;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.push.DeviceConnections;
import im.magpie.server.session.SessionService;
import java.time.Clock;

/** What the handlers of one gateway share: services, the connection registry and protocol settings. */
public record GatewayDependencies(
        SessionService sessions,
        AccountService accounts,
        MessagingService messaging,
        ConversationService conversations,
        PresenceService presence,
        DeviceConnections connections,
        Clock clock,
        int heartbeatSeconds,
        ConnectionDeadlines deadlines,
        String serverVersion) {}
