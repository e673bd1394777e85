package im.magpie.desktop.emoji;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;

/**
 * One line of text with its emoji as colour images (a conversation's name and preview, the chat header's title, a
 * notification): runs of text are labels with {@code textStyle}, emoji are square images ({@link #SIZE} px unless
 * given); what does not fit ends in "…" (the run that crosses the right edge is cut, later ones are not drawn).
 */
public final class EmojiLine extends Region {
    /** Emoji in a 13–14 px line of secondary text. */
    public static final double SIZE = 16;

    private final EmojiCatalog catalog;
    private final EmojiImages images;
    private final String textStyle;
    private final double emojiSize;
    private String text = "";

    public EmojiLine(EmojiCatalog catalog, EmojiImages images, String textStyle) {
        this(catalog, images, textStyle, SIZE);
    }

    /** Emoji {@code emojiSize} px square (a line of larger text, the chat header's title). */
    public EmojiLine(EmojiCatalog catalog, EmojiImages images, String textStyle, double emojiSize) {
        this.catalog = catalog;
        this.images = images;
        this.textStyle = textStyle;
        this.emojiSize = emojiSize;
        setMinWidth(0);
    }

    public String getText() {
        return text;
    }

    /**
     * Shows {@code value}. The labels already there are kept for the text runs at their places (a conversation row's
     * preview changing with each arriving message changes a label's text; a new label would be styled anew).
     */
    public void setText(String value) {
        if (value.equals(text)) {
            return;
        }
        text = value;
        List<EmojiCatalog.Run> runs = catalog.split(value);
        ObservableList<Node> now = getChildren();
        List<Node> next = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            EmojiCatalog.Run run = runs.get(i);
            EmojiCatalog.Emoji e = run.emoji();
            if (e == null) {
                if (i < now.size() && now.get(i) instanceof Label kept) {
                    kept.setText(run.text());
                    next.add(kept);
                } else {
                    next.add(label(run.text()));
                }
            } else {
                next.add(images.view(e, emojiSize));
            }
        }
        if (!sameNodes(now, next)) {
            now.setAll(next);
        }
    }

    private Label label(String run) {
        Label l = new Label(run);
        l.getStyleClass().add(textStyle);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        return l;
    }

    private static boolean sameNodes(List<Node> a, List<Node> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double w = 0;
        for (Node n : getChildren()) {
            w += n.prefWidth(-1);
        }
        return in.getLeft() + w + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double h = emojiSize;
        for (Node n : getChildren()) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return in.getTop() + h + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double right = getWidth() - in.getRight();
        double top = in.getTop();
        double height = getHeight() - in.getTop() - in.getBottom();
        boolean full = false;
        for (Node n : getChildren()) {
            double w = n.prefWidth(-1);
            if (full || x >= right) {
                n.setVisible(false);
                continue;
            }
            n.setVisible(true);
            if (x + w > right) {
                full = true;
                if (n instanceof Label) {
                    w = right - x; // the label ends in "…"
                } else {
                    n.setVisible(false); // an emoji that does not fit: an ellipsis instead
                    continue;
                }
            }
            layoutInArea(n, x, top, w, height, 0, null, false, false, javafx.geometry.HPos.LEFT, VPos.CENTER);
            x += w;
        }
    }
}
