package im.magpie.server.transport.http;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/uploads}. */
public record UploadRequest(
        @Nullable String name,
        long size,
        @Nullable String sha256,
        @Nullable String mediaType) {}
