package im.magpie.server.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.server.files.FileException;
import org.junit.jupiter.api.Test;

class FileRoutesTest {
    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void acceptsPlainFileNames() throws HttpFailure {
        assertThat(FileRoutes.spec(new UploadRequest("季度报表 v2.pdf", 10, SHA, null))
                        .mediaType())
                .isEmpty();
    }

    @Test
    void rejectsNamesWithPathsOrControlCharacters() {
        for (String name : new String[] {"a/b", "a\\b", "..", "x..y", "tab\there", "", "n".repeat(256)}) {
            assertThat(FileRoutes.validName(name)).as(name).isFalse();
        }
    }

    @Test
    void rejectsMalformedHashesAndSizes() {
        assertThatThrownBy(() -> FileRoutes.spec(new UploadRequest("a", 1, SHA.toUpperCase(java.util.Locale.ROOT), "")))
                .isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> FileRoutes.spec(new UploadRequest("a", -1, SHA, "")))
                .isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> FileRoutes.spec(new UploadRequest(null, 1, SHA, "")))
                .isInstanceOf(HttpFailure.class);
    }

    @Test
    void parsesOffsetsAndOpenEndedRanges() throws HttpFailure {
        assertThat(FileRoutes.offset("offset=8388608")).isEqualTo(8_388_608);
        assertThat(FileRoutes.rangeStart(null)).isZero();
        assertThat(FileRoutes.rangeStart("bytes=100-")).isEqualTo(100);
        assertThatThrownBy(() -> FileRoutes.offset("offset=-1")).isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> FileRoutes.offset(null)).isInstanceOf(HttpFailure.class);
        assertThatThrownBy(() -> FileRoutes.rangeStart("bytes=0-10")).isInstanceOf(HttpFailure.class);
    }

    @Test
    void mapsFileFailuresToTheDocumentedStatuses() {
        assertThat(FileRoutes.failure(new FileException(FileException.Reason.TOO_LARGE, "big"))
                        .status())
                .isEqualTo(413);
        assertThat(FileRoutes.failure(new FileException(FileException.Reason.CHECKSUM_MISMATCH, "x"))
                        .status())
                .isEqualTo(422);
        assertThat(FileRoutes.failure(new FileException(FileException.Reason.NOT_FOUND, "x"))
                        .status())
                .isEqualTo(404);
        HttpFailure mismatch = FileRoutes.failure(new FileException(FileException.Reason.OFFSET_MISMATCH, "x", 42));
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.body().received()).isEqualTo(42);
    }
}
