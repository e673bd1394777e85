package im.magpie.server.config;

/** The admin API listener: loopback only unless the operator says otherwise. */
public record AdminConfig(String bindAddress) {}
