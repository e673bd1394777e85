package im.magpie.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The screenshot overlay headless, over a made-up capture with twice as many pixels as screen units. */
@ExtendWith(ApplicationExtension.class)
class ScreenCaptureTest {
    final List<Image> captured = new ArrayList<>();
    private @org.jspecify.annotations.Nullable ScreenCapture shown;

    ScreenCapture capture() {
        return java.util.Objects.requireNonNull(shown);
    }

    @Start
    void start(Stage unused) {
        WritableImage shot = new WritableImage(800, 600);
        PixelWriter w = shot.getPixelWriter();
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                w.setColor(x, y, x < 400 ? Color.RED : Color.BLUE);
            }
        }
        ScreenCapture capture = new ScreenCapture(
                shot, new Rectangle2D(0, 0, 400, 300), new Texts(Locale.SIMPLIFIED_CHINESE), captured::add);
        capture.show();
        shown = capture;
    }

    @Test
    void aDraggedRegionBecomesThePictureOfItsPixels(FxRobot robot) {
        Point2D origin = new Point2D(capture().stage().getX(), capture().stage().getY());
        robot.moveTo(origin.add(150, 100)).press(MouseButton.PRIMARY);
        robot.moveTo(origin.add(200, 140)).moveTo(origin.add(250, 150)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(captured).singleElement().satisfies(img -> {
            assertThat(img.getWidth()).isEqualTo(200);
            assertThat(img.getHeight()).isEqualTo(100);
            assertThat(img.getPixelReader().getColor(10, 10)).isEqualTo(Color.RED);
            assertThat(img.getPixelReader().getColor(190, 90)).isEqualTo(Color.BLUE);
        });
        assertThat(capture().stage().isShowing()).isFalse();
    }

    @Test
    void escapeCancels(FxRobot robot) {
        robot.clickOn(capture().stage().getScene().getRoot());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(capture().stage().isShowing()).isFalse();
        assertThat(captured).isEmpty();
    }
}
