package im.magpie.server.transport.http;

/** Body of {@code GET /v1/health}. */
public record HealthResponse(String status) {}
