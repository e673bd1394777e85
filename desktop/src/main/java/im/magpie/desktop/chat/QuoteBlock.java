package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiText;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The quoted message as a reply shows it (and the composer's quote bar): the quoted sender's name over the excerpt,
 * emoji in colour, or "original message recalled".
 */
final class QuoteBlock {
    /** Lines of the excerpt shown in a bubble; the rest is cut by the block's height. */
    static final double MAX_HEIGHT = 64;

    private QuoteBlock() {}

    static VBox of(Quote quote, String senderName, EmojiText emoji, MessageTexts words) {
        Label sender = new Label(senderName);
        sender.getStyleClass().add("quote-sender");
        TextFlow excerpt = new TextFlow();
        excerpt.getStyleClass().add("quote-excerpt");
        if (quote.originalRecalled()) {
            excerpt.getChildren()
                    .addAll(emoji.nodes(words.texts().get("quote.recalled"), EmojiText.INLINE, "quote-text"));
        } else {
            excerpt.getChildren().addAll(emoji.nodes(quote.excerpt(), EmojiText.INLINE * 0.8, "quote-text"));
        }
        VBox block = new VBox(1, sender, excerpt);
        block.getStyleClass().add("quote-block");
        block.setMaxHeight(MAX_HEIGHT);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(block.widthProperty());
        clip.heightProperty().bind(block.heightProperty());
        block.setClip(clip);
        return block;
    }
}
