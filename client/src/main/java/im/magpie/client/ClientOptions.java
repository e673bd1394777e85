package im.magpie.client;

import im.magpie.client.store.MachineIdentity;
import im.magpie.client.store.SystemMachineIdentity;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link MagpieClient} behaves. {@code requiredFingerprint}, when set, is the only certificate fingerprint
 * accepted on first contact. {@code machine} is injectable so tests can pretend to be another machine.
 */
public record ClientOptions(
        String clientAgent,
        String platform,
        FirstContactPolicy firstContact,
        @Nullable String requiredFingerprint,
        MachineIdentity machine,
        Clock clock,
        Duration requestTimeout) {

    /** Defaults for a real client: system machine identity, system clock, 15 s request timeout. */
    public static ClientOptions defaults(String clientAgent, String platform, FirstContactPolicy firstContact) {
        return new ClientOptions(
                clientAgent,
                platform,
                firstContact,
                null,
                new SystemMachineIdentity(),
                Clock.systemUTC(),
                Duration.ofSeconds(15));
    }

    public ClientOptions withRequiredFingerprint(@Nullable String fingerprint) {
        return new ClientOptions(clientAgent, platform, firstContact, fingerprint, machine, clock, requestTimeout);
    }

    public ClientOptions withMachine(MachineIdentity other) {
        return new ClientOptions(
                clientAgent, platform, firstContact, requiredFingerprint, other, clock, requestTimeout);
    }
}
