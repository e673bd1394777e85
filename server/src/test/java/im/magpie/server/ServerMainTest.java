package im.magpie.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerMainTest {
    private final ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();

    @AfterEach
    void restore() {
        ResourceLeakDetector.setLevel(before);
    }

    @Test
    void leakTrackingIsOffUnlessALevelIsAskedFor() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ServerMain.trackLeaksOnlyWhenAsked("paranoid");
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);

        ServerMain.trackLeaksOnlyWhenAsked(null);

        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
    }
}
