package im.magpie.desktop.emoji;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;

/** Builds the nodes of a text with its emoji as images, for a {@code TextFlow}. */
public final class EmojiText {
    /** Emoji drawn a little larger than the 14 px text, and lowered so they sit on its baseline. */
    public static final double INLINE = 20;

    public static final double LARGE = 40;

    private final EmojiCatalog catalog;
    private final EmojiImages images;

    public EmojiText(EmojiCatalog catalog, EmojiImages images) {
        this.catalog = catalog;
        this.images = images;
    }

    public EmojiCatalog catalog() {
        return catalog;
    }

    /** Text nodes with {@code textStyle} and emoji image views of {@code size} pixels. */
    public List<Node> nodes(String text, double size, String textStyle) {
        List<Node> out = new ArrayList<>();
        for (EmojiCatalog.Run run : catalog.split(text)) {
            EmojiCatalog.Emoji e = run.emoji();
            if (e == null) {
                Text t = new Text(run.text());
                t.getStyleClass().add(textStyle);
                out.add(t);
            } else {
                out.add(image(e, size));
            }
        }
        return out;
    }

    /** The image of one emoji, {@code size} pixels, lowered to sit on the text's baseline. */
    public Node image(EmojiCatalog.Emoji e, double size) {
        var v = images.view(e, size);
        v.setTranslateY(size * 0.2);
        return v;
    }
}
