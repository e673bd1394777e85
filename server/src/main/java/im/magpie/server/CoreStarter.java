package im.magpie.server;

import im.magpie.server.config.ServerConfig;
import im.magpie.server.messaging.EventPublisher;

/** Starts the domain core (storage, services) for a configuration; the edge passes its push publisher. */
@FunctionalInterface
public interface CoreStarter {
    CoreServices start(ServerConfig config, EventPublisher publisher) throws ServerStartException;
}
