package im.magpie.desktop.chat;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Square avatars: initials on a colour picked from the id, or an icon for groups and the file transfer assistant. */
public final class Avatars {
    private static final String[] PALETTE = {
        "#1f6feb", "#2da44e", "#bf3989", "#8250df", "#bc4c00", "#0a7ea4", "#cf222e", "#4d7c0f"
    };

    private Avatars() {}

    /** The colour of a person's tile ({@code kind} DIRECT) or a conversation's. */
    static String colour(long id, ConversationKind kind) {
        return kind == ConversationKind.SELF ? "#2da44e" : PALETTE[Math.floorMod(id, PALETTE.length)];
    }

    public static StackPane of(long id, ConversationKind kind, String initials, double size) {
        StackPane box = new StackPane();
        box.getStyleClass().add("avatar");
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.setStyle("-fx-background-color: " + colour(id, kind) + ";");
        if (kind == ConversationKind.DIRECT) {
            Label text = new Label(initials);
            text.getStyleClass().add("avatar-text");
            text.setFont(Font.font(null, FontWeight.BOLD, initials.length() > 1 ? size * 0.32 : size * 0.42));
            box.getChildren().add(text);
        } else {
            FontIcon icon = new FontIcon(kind == ConversationKind.SELF ? Feather.MONITOR : Feather.USERS);
            icon.setIconSize((int) (size * 0.5));
            icon.setIconColor(Color.WHITE);
            box.getChildren().add(icon);
        }
        return box;
    }
}
