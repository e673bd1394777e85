package im.magpie.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionSelectionTest {
    final RegionSelection s = new RegionSelection(1920, 1080);

    @Test
    void aDragInAnyDirectionSelectsTheRectangleBetweenPressAndRelease() {
        s.press(500, 400);
        s.drag(300, 350);
        assertThat(s.current()).contains(new RegionSelection.Rect(300, 350, 200, 50));
        assertThat(s.release(200, 300)).isTrue();
        assertThat(s.done()).isTrue();
        assertThat(s.current()).contains(new RegionSelection.Rect(200, 300, 300, 100));
    }

    @Test
    void aClickOrATinyDragIsNoSelection() {
        assertThat(s.current()).isEmpty();
        s.press(10, 10);
        assertThat(s.release(12, 40)).isFalse();
        assertThat(s.done()).isFalse();
        assertThat(s.current()).isEmpty();
        assertThat(s.pixels(1920, 1080)).isEmpty();
    }

    @Test
    void staysOnTheScreen() {
        s.press(-50, 1000);
        s.release(3000, 5000);
        assertThat(s.current()).contains(new RegionSelection.Rect(0, 1000, 1920, 80));
    }

    @Test
    void mapsToThePixelsOfAHiDpiCaptureRoundingOutwards() {
        s.press(10.4, 20.6);
        s.release(110.2, 70.1);
        // twice as many pixels as units
        assertThat(s.pixels(3840, 2160)).contains(new RegionSelection.Pixels(20, 41, 201, 100));
        s.press(1900, 1070);
        s.release(1920, 1080);
        assertThat(s.pixels(1920, 1080)).contains(new RegionSelection.Pixels(1900, 1070, 20, 10));
    }

    @Test
    void dragWithoutPressChangesNothing() {
        s.drag(100, 100);
        assertThat(s.current()).isEmpty();
        assertThatThrownBy(() -> new RegionSelection(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
