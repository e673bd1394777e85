package im.magpie.desktop.shell;

import im.magpie.desktop.i18n.Texts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's frame: a left rail of entries (icon over a short label, the unread total on the conversations
 * entry) and the section shown beside it. A section is built when it is first shown (a launch styles and lays out only
 * what it shows) and keeps its state while hidden. Features add themselves with {@link #addSection} or
 * {@link #addAction}; the composition root decides the order.
 */
public final class ShellView {
    /** Where an entry sits on the rail. */
    public enum Placement {
        TOP,
        BOTTOM
    }

    static final double RAIL_WIDTH = 68;

    private final ShellViewModel vm;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private final VBox bottom = new VBox();
    private final StackPane content = new StackPane();
    private final Map<String, Supplier<Node>> sections = new HashMap<>();
    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, Button> entries = new HashMap<>();

    public ShellView(ShellViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        top.getStyleClass().add("rail-group");
        bottom.getStyleClass().add("rail-group");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox rail = new VBox(logo(), top, spacer, bottom);
        rail.setId("rail");
        rail.getStyleClass().add("rail");
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(RAIL_WIDTH);
        rail.setPrefWidth(RAIL_WIDTH);
        rail.setMaxWidth(RAIL_WIDTH);
        root.setLeft(rail);
        root.setCenter(content);
        root.getStyleClass().add("shell");
        vm.sectionProperty().addListener((o, was, now) -> showSection(now));
        vm.highlightedProperty().addListener((o, was, now) -> highlight(now));
    }

    public Parent root() {
        return root;
    }

    /** Adds a rail entry that shows the section {@code build} makes (the first time it is shown) beside the rail. */
    public void addSection(String id, Ikon icon, String labelKey, Supplier<Node> build, Placement placement) {
        sections.put(id, build);
        add(id, icon, labelKey, placement).setOnAction(e -> vm.show(id));
        showSection(vm.sectionProperty().get());
        highlight(vm.highlightedProperty().get());
    }

    /** Adds a rail entry that runs {@code action} (it decides what is shown). */
    public void addAction(String id, Ikon icon, String labelKey, Runnable action, Placement placement) {
        add(id, icon, labelKey, placement).setOnAction(e -> action.run());
        highlight(vm.highlightedProperty().get());
    }

    private Button add(String id, Ikon icon, String labelKey, Placement placement) {
        FontIcon glyph = new FontIcon(icon);
        StackPane iconBox = new StackPane(glyph);
        iconBox.getStyleClass().add("rail-icon");
        if (ShellViewModel.CONVERSATIONS.equals(id)) {
            Label badge = new Label();
            badge.setId("unread-total");
            badge.getStyleClass().addAll("badge", "rail-badge");
            badge.textProperty().bind(vm.badgeTextProperty());
            badge.visibleProperty().bind(vm.badgeVisibleProperty());
            badge.setMinWidth(Region.USE_PREF_SIZE);
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            iconBox.getChildren().add(badge);
        }
        String label = texts.get(labelKey);
        Button b = new Button(label, iconBox);
        b.setId("rail-" + id);
        b.getStyleClass().add("rail-button");
        b.setContentDisplay(ContentDisplay.TOP);
        b.setTooltip(new Tooltip(label));
        b.setAccessibleText(label);
        b.setMnemonicParsing(false);
        entries.put(id, b);
        (placement == Placement.TOP ? top : bottom).getChildren().add(b);
        return b;
    }

    private Node logo() {
        FontIcon icon = new FontIcon(Feather.FEATHER);
        StackPane logo = new StackPane(icon);
        logo.getStyleClass().add("rail-logo");
        VBox.setMargin(logo, new Insets(0, 0, 12, 0));
        return logo;
    }

    private void showSection(String id) {
        Supplier<Node> build = sections.get(id);
        if (build != null && !built.containsKey(id)) {
            Node section = build.get();
            built.put(id, section);
            content.getChildren().add(section);
        }
        built.forEach((key, node) -> {
            boolean shown = key.equals(id);
            node.setVisible(shown);
            node.setManaged(shown);
        });
    }

    private void highlight(String id) {
        entries.forEach((key, button) -> {
            button.getStyleClass().remove("active");
            if (key.equals(id)) {
                button.getStyleClass().add("active");
            }
        });
    }
}
