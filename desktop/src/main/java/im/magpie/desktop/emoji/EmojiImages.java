package im.magpie.desktop.emoji;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** Decoded emoji images, each loaded once (64 px) and shared by every view that shows it; FX thread only. */
public final class EmojiImages {
    private final Map<String, Image> images = new HashMap<>();

    /** An image view of the emoji, {@code size} pixels square. */
    public ImageView view(EmojiCatalog.Emoji e, double size) {
        ImageView v = new ImageView(image(e));
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setSmooth(true);
        v.setPreserveRatio(true);
        v.getStyleClass().add("emoji");
        v.setAccessibleText(e.text());
        return v;
    }

    Image image(EmojiCatalog.Emoji e) {
        return images.computeIfAbsent(
                e.file(),
                f -> new Image(Objects.requireNonNull(
                                EmojiImages.class.getResource(EmojiCatalog.resource(e)), "missing emoji image " + f)
                        .toExternalForm()));
    }
}
