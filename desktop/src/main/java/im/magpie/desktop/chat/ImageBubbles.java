package im.magpie.desktop.chat;

import im.magpie.desktop.image.Thumbnails;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Image messages in the chat: a thumbnail no larger than {@link #MAX} pixels; a click opens the viewer. */
final class ImageBubbles {
    static final double MAX = 240;

    private final Thumbnails thumbnails;
    private final Consumer<MessageItem> open;

    ImageBubbles(Thumbnails thumbnails, Consumer<MessageItem> open) {
        this.thumbnails = thumbnails;
        this.open = open;
    }

    Region bubble(MessageItem m) {
        Path file = m.localFile();
        StackPane box = new StackPane();
        box.getStyleClass().add("image-bubble");
        if (file == null) {
            // not downloaded (yet, or too large to fetch by itself): a picture sign and the name
            Label name = new Label(((Content.Image) m.content()).name(), new FontIcon(Feather.IMAGE));
            name.getStyleClass().add("image-pending");
            box.getChildren().add(new VBox(name));
            box.setPrefSize(MAX * 0.75, MAX * 0.5);
            return box;
        }
        Image image = thumbnails.of(file);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.getStyleClass().add("image-thumbnail");
        bound(view, image);
        image.progressProperty().addListener((o, was, now) -> bound(view, image));
        box.getChildren().add(view);
        box.setCursor(Cursor.HAND);
        box.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                open.accept(m);
            }
        });
        box.setMaxWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** Shown at most {@link #MAX} pixels wide and high, never enlarged; a placeholder size while it decodes. */
    private static void bound(ImageView view, Image image) {
        double w = image.getWidth();
        double h = image.getHeight();
        if (w <= 0 || h <= 0 || image.isError()) {
            view.setFitWidth(MAX * 0.75);
            view.setFitHeight(MAX * 0.5);
            return;
        }
        double scale = Math.min(1, Math.min(MAX / w, MAX / h));
        view.setFitWidth(w * scale);
        view.setFitHeight(h * scale);
    }
}
