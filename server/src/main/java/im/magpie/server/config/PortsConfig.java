package im.magpie.server.config;

/** TCP ports of the four listeners; 0 means "any free port" (tests). */
public record PortsConfig(int discovery, int gateway, int api, int admin) {
    public static PortsConfig defaults() {
        return new PortsConfig(7080, 7006, 7443, 7003);
    }

    /** Every port 0: the system picks free ports (in-process tests). */
    public static PortsConfig ephemeral() {
        return new PortsConfig(0, 0, 0, 0);
    }
}
