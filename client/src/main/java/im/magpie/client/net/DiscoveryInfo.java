package im.magpie.client.net;

/** The fields of {@code GET /discovery} (protocol.md §2). */
public record DiscoveryInfo(
        String serverVersion,
        int protocolVersion,
        int minProtocolVersion,
        String gatewayHost,
        int gatewayPort,
        String apiUrl,
        String certificateSha256,
        long serverTimeMs) {}
