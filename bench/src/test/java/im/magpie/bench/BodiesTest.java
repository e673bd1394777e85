package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {
    @Test
    void bodiesHaveTheConfiguredSizeAndCarryTheirSendTime() {
        String text = new Bodies(100).text(123_456_789_012L);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(100);
        assertThat(Bodies.sendNanos(text)).isEqualTo(123_456_789_012L);
    }

    @Test
    void foreignTextHasNoSendTime() {
        assertThat(Bodies.sendNanos("hello")).isEqualTo(-1);
        assertThat(Bodies.sendNanos("bench:notanumber:x")).isEqualTo(-1);
    }

    @Test
    void presetsAreConsistent() {
        for (String mode : new String[] {"smoke", "quick", "full"}) {
            assertThat(Params.preset(mode).validate().mode()).isEqualTo(mode);
        }
    }
}
