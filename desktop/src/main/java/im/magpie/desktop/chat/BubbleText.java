package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The text of a bubble in a kept {@code TextFlow}: runs of text as {@code Text} nodes styled {@link #STYLE}, emoji as
 * colour images, web links as {@code Hyperlink}s. A {@code Text} already in the flow where the next message has text
 * gets the new words (it keeps its styles); other nodes are made anew.
 */
final class BubbleText {
    static final String STYLE = "bubble-text";

    private BubbleText() {}

    /** Shows {@code text} in {@code flow}; {@code large}: only a few emoji, drawn large and without the spaces around. */
    static void fill(TextFlow flow, String text, boolean large, EmojiText emoji, Consumer<String> openLink) {
        List<Node> old = flow.getChildren();
        List<Node> wanted = new ArrayList<>();
        for (Links.Run run : Links.split(text)) {
            if (run.link()) {
                Hyperlink link = new Hyperlink(run.text());
                link.setOnAction(e -> openLink.accept(run.text()));
                wanted.add(link);
                continue;
            }
            for (EmojiCatalog.Run r : emoji.catalog().split(large ? run.text().strip() : run.text())) {
                EmojiCatalog.Emoji e = r.emoji();
                if (e != null) {
                    wanted.add(emoji.image(e, large ? EmojiText.LARGE : EmojiText.INLINE));
                } else if (wanted.size() < old.size() && old.get(wanted.size()) instanceof Text t) {
                    t.setText(r.text());
                    wanted.add(t);
                } else {
                    Text t = new Text(r.text());
                    t.getStyleClass().add(STYLE);
                    wanted.add(t);
                }
            }
        }
        KeptNodes.place(flow.getChildren(), wanted);
    }
}
