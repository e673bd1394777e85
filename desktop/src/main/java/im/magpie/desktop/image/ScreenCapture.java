package im.magpie.desktop.image;

import im.magpie.desktop.i18n.Texts;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The screenshot tool: shows a capture of the screen full-screen, dimmed, and lets the user drag a region; the region
 * is handed on as a picture, Esc or a right click cancels.
 */
public final class ScreenCapture {
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final Image shot;
    private final Rectangle2D screen;
    private final RegionSelection selection;
    private final Consumer<Image> done;
    private final Path dim = new Path();
    private final Rectangle frame = new Rectangle();
    private final Label size = new Label();

    /** {@code shot}: a capture of {@code screen} (possibly with more pixels than the screen has units). */
    public ScreenCapture(Image shot, Rectangle2D screen, Texts texts, Consumer<Image> done) {
        this.shot = shot;
        this.screen = screen;
        this.done = done;
        this.selection = new RegionSelection(screen.getWidth(), screen.getHeight());
        ImageView background = new ImageView(shot);
        background.setFitWidth(screen.getWidth());
        background.setFitHeight(screen.getHeight());
        dim.setFill(Color.rgb(0, 0, 0, 0.45));
        dim.setStroke(null);
        dim.setFillRule(FillRule.EVEN_ODD);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#1f6feb"));
        frame.setStrokeWidth(2);
        frame.setVisible(false);
        size.getStyleClass().add("capture-size");
        size.setVisible(false);
        Label hint = new Label(texts.get("capture.hint"));
        hint.getStyleClass().add("capture-hint");
        hint.setLayoutX(24);
        hint.setLayoutY(24);
        Pane pane = new Pane(background, dim, frame, size, hint);
        pane.setId("capture");
        pane.getStyleClass().add("capture");
        redraw();
        pane.setOnMousePressed(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                stage.close();
                return;
            }
            selection.press(e.getX(), e.getY());
            redraw();
        });
        pane.setOnMouseDragged(e -> {
            selection.drag(e.getX(), e.getY());
            redraw();
        });
        pane.setOnMouseReleased(e -> {
            if (selection.release(e.getX(), e.getY())) {
                finish();
            } else {
                redraw();
            }
        });
        Scene scene = new Scene(pane, screen.getWidth(), screen.getHeight());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setAlwaysOnTop(true);
    }

    /** Captures the screen the window is on and opens the selection over it. */
    public static ScreenCapture ofScreenOf(Window owner, Texts texts, Consumer<Image> done) {
        Screen screen =
                Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()).stream()
                        .findFirst()
                        .orElse(Screen.getPrimary());
        Rectangle2D bounds = screen.getBounds();
        WritableImage shot = new Robot().getScreenCapture(null, bounds, false);
        ScreenCapture capture = new ScreenCapture(shot, bounds, texts, done);
        capture.stage.initOwner(owner);
        return capture;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private void redraw() {
        dim.getElements().clear();
        rect(0, 0, screen.getWidth(), screen.getHeight());
        var r = selection.current();
        frame.setVisible(r.isPresent());
        size.setVisible(r.isPresent());
        r.ifPresent(s -> {
            rect(s.x(), s.y(), s.width(), s.height());
            frame.setX(s.x());
            frame.setY(s.y());
            frame.setWidth(s.width());
            frame.setHeight(s.height());
            size.setText(Math.round(s.width()) + " × " + Math.round(s.height()));
            size.setLayoutX(s.x());
            size.setLayoutY(Math.max(0, s.y() - 26));
        });
    }

    private void rect(double x, double y, double w, double h) {
        dim.getElements()
                .addAll(
                        new javafx.scene.shape.MoveTo(x, y),
                        new javafx.scene.shape.LineTo(x + w, y),
                        new javafx.scene.shape.LineTo(x + w, y + h),
                        new javafx.scene.shape.LineTo(x, y + h),
                        new javafx.scene.shape.ClosePath());
    }

    private void finish() {
        var px = selection.pixels((int) shot.getWidth(), (int) shot.getHeight());
        stage.close();
        px.ifPresent(p -> done.accept(new WritableImage(shot.getPixelReader(), p.x(), p.y(), p.width(), p.height())));
    }
}
