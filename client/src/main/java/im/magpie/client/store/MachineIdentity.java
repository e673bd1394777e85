package im.magpie.client.store;

/**
 * Who and where we run: the inputs the device-bound key is derived from. Injectable so tests can pretend to be
 * another machine; production code uses {@link SystemMachineIdentity}.
 */
public interface MachineIdentity {
    /** A stable identifier of this machine (e.g. the contents of {@code /etc/machine-id}). */
    String machineId();

    /** The operating-system user running the client. */
    String userName();

    /** True when the OS offers DPAPI (Windows), which then wraps the key instead of the derived key. */
    default boolean hasDpapi() {
        return false;
    }
}
