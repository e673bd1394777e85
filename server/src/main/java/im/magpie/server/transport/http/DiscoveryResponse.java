package im.magpie.server.transport.http;

/** Body of {@code GET /discovery} (docs/protocol.md §2). */
public record DiscoveryResponse(
        String serverVersion,
        int protocolVersion,
        int minProtocolVersion,
        GatewayAddress gateway,
        String apiUrl,
        String certificateSha256,
        long serverTimeMs) {
    /** Where the long connection listens. */
    public record GatewayAddress(String host, int port) {}
}
