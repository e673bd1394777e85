package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAuditTest {
    @Test
    void thePortIsTheFourthLineOfPostmasterPid() {
        List<String> pidFile = List.of("12345", "/tmp/data/db", "1764145000", "41234", "localhost", "  5432001 0");

        assertThat(MessageAudit.postmasterPort(pidFile)).isEqualTo(41234);
        assertThatThrownBy(() -> MessageAudit.postmasterPort(pidFile.subList(0, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortfallIsFewerStoredThanAcknowledged() {
        assertThat(MessageAudit.shortfall(counted(99, 100))).isTrue();
        assertThat(MessageAudit.shortfall(counted(100, 100))).isFalse();
        assertThat(MessageAudit.shortfall(counted(101, 100)))
                .as("more rows than acks: sends whose ack had not arrived yet")
                .isFalse();
        assertThat(MessageAudit.shortfall(new ScenarioResult("S5", "not counted")))
                .isFalse();
        assertThat(MessageAudit.shortfalls(List.of(counted(100, 100), counted(7, 9))))
                .containsExactly("S1 closed loop (round 0): 7 stored < 9 acknowledged");
    }

    private static ScenarioResult counted(long stored, long acknowledged) {
        return new ScenarioResult("S1", "closed loop")
                .param(MessageAudit.STORED, stored)
                .param(MessageAudit.ACKNOWLEDGED, acknowledged);
    }
}
