package im.magpie.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncCursorTest {
    @Test
    void roundTripsPositions() throws InvalidRequestException {
        assertThat(SyncCursor.decode(SyncCursor.encode(123_456_789L))).isEqualTo(123_456_789L);
        assertThat(SyncCursor.decode(new byte[0])).isZero();
    }

    @Test
    void rejectsMalformedCursors() {
        assertThatThrownBy(() -> SyncCursor.decode(new byte[] {1, 2})).isInstanceOf(InvalidRequestException.class);
        byte[] wrongVersion = SyncCursor.encode(5);
        wrongVersion[0] = 9;
        assertThatThrownBy(() -> SyncCursor.decode(wrongVersion)).isInstanceOf(InvalidRequestException.class);
    }
}
