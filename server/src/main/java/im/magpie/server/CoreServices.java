package im.magpie.server;

import im.magpie.server.account.AccountService;
import im.magpie.server.files.FileService;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.session.SessionService;

/** The five domain services the network edge serves, and how to stop what backs them (database, writer). */
public record CoreServices(
        AccountService accounts,
        SessionService sessions,
        MessagingService messaging,
        ConversationService conversations,
        FileService files,
        Runnable stop) {}
