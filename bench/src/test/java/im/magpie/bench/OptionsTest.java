package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void presetsCanBeOverriddenByName() {
        Options o = Options.parse(
                "quick",
                "--set",
                "pairs=30",
                "--set",
                "catchUpConversations=60",
                "--set",
                "openRates=500, 2000",
                "--results",
                "/tmp/r",
                "--keep");
        assertThat(o.params().mode()).isEqualTo("quick");
        assertThat(o.params().pairs()).isEqualTo(30);
        assertThat(o.params().openRates()).isEqualTo(List.of(500, 2000));
        assertThat(o.params().users()).isEqualTo(Params.preset("quick").users());
        assertThat(o.results()).isEqualTo(Path.of("/tmp/r"));
        assertThat(o.keep()).isTrue();
        assertThat(o.peer()).isEqualTo("auto");
        assertThat(Options.parse("smoke").peer()).isEqualTo("none");
        assertThat(Options.parse("full", "--peer", "ejabberd").peer()).isEqualTo("ejabberd");
        assertThat(Options.parse("quick", "--peer", "prosody").peer()).isEqualTo("prosody");
    }

    @Test
    void rejectsUnknownNamesBadNumbersAndInconsistentSizes() {
        assertThatThrownBy(() -> Options.parse("quick", "--set", "nope=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("quick", "--set", "pairs=x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("quick", "--set", "mode=full"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("quick", "--set", "pairs=100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("turbo")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("quick", "--peer", "openfire"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("quick", "--set", "rounds=0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("sessions", "--set", "sessionsPerWorker=12000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("sessions", "--set", "sessionCounts=0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSessionsModeHoldsTenAndNineteenThousandAloneWithoutThePeer() {
        Options o = Options.parse("sessions", "--set", "holdSeconds=120");
        assertThat(o.params().sessionCounts()).isEqualTo(List.of(10_000, 19_000));
        assertThat(o.params().holdSeconds()).isEqualTo(120);
        assertThat(o.params().sessionsPerWorker()).isEqualTo(9_500);
        assertThat(o.peer()).isEqualTo("none");
        assertThat(IdleSessionsAtScale.sourceAddress(0)).isEqualTo("127.0.0.2");
        assertThat(IdleSessionsAtScale.sourceAddress(1)).isEqualTo("127.0.0.3");
    }

    @Test
    void theLoginsModeRunsTenThousandLoginsTwoHundredAtATimeWithoutThePeer() {
        Options o = Options.parse("logins");
        assertThat(o.params().logins()).isEqualTo(10_000);
        assertThat(o.params().loginParallel()).isEqualTo(200);
        assertThat(o.params().users()).isEqualTo(2_000);
        assertThat(o.peer()).isEqualTo("none");
    }
}
