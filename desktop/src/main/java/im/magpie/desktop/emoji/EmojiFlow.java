package im.magpie.desktop.emoji;

import javafx.scene.text.TextFlow;

/**
 * A wrapping text with its emoji as colour images (a signature on a contact card): the runs of text are {@code Text}
 * nodes with a style class, emoji are images a little larger than the text, as in chat bubbles ({@link EmojiText}).
 */
public final class EmojiFlow extends TextFlow {
    private final EmojiText emoji;
    private final String textStyle;
    private final double emojiSize;
    private String text = "";

    /** Text styled {@code textStyle} (a class setting {@code -fx-fill} and the font), emoji {@code emojiSize} px. */
    public EmojiFlow(EmojiText emoji, String textStyle, double emojiSize) {
        this.emoji = emoji;
        this.textStyle = textStyle;
        this.emojiSize = emojiSize;
    }

    public String getText() {
        return text;
    }

    public void setText(String value) {
        if (!value.equals(text) || getChildren().isEmpty()) {
            text = value;
            getChildren().setAll(emoji.nodes(value, emojiSize, textStyle));
        }
    }
}
