package im.magpie.desktop.chat;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A person's avatar in a chat row as one label that shows one person after another (the row is reused for the next
 * message): initials on the colour of the id, as {@link Avatars#of} draws a person. The colour is set in code, not by an
 * inline style: a new inline style styles the node again.
 */
final class AvatarTile {
    private final Label label = new Label();
    private final Font oneLetter;
    private final Font twoLetters;
    private final Map<String, Background> colours = new HashMap<>();

    AvatarTile(double size) {
        this.oneLetter = Font.font(null, FontWeight.BOLD, size * 0.42);
        this.twoLetters = Font.font(null, FontWeight.BOLD, size * 0.32);
        label.getStyleClass().add("avatar-text");
        label.setMinSize(size, size);
        label.setPrefSize(size, size);
        label.setMaxSize(size, size);
        label.setAlignment(Pos.CENTER);
    }

    Label node() {
        return label;
    }

    /** Shows the person {@code id} with {@code initials}. */
    void show(long id, String initials) {
        label.setBackground(colours.computeIfAbsent(
                Avatars.colour(id, ConversationKind.DIRECT),
                c -> new Background(new BackgroundFill(Color.web(c), new CornerRadii(8), Insets.EMPTY))));
        label.setFont(initials.length() > 1 ? twoLetters : oneLetter);
        label.setText(initials);
    }
}
