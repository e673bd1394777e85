package im.magpie.desktop.emoji;

import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The emoji picker popup above the composer: a grid of colour emoji and a bar of categories below it. */
public final class EmojiPicker {
    static final double CELL = 28;
    static final int COLUMNS = 9;

    private final EmojiPickerViewModel vm;
    private final EmojiImages images;
    private final Texts texts;
    private final Popup popup = new Popup();
    private final TilePane grid = new TilePane();
    private final HBox tabs = new HBox(2);
    private final ScrollPane scroll = new ScrollPane(grid);

    public EmojiPicker(EmojiPickerViewModel vm, EmojiImages images, Texts texts) {
        this(vm, images, texts, PopupFrame.ofScreen());
    }

    /** {@code frame}: with a shadow, or flat where the screen draws no transparent windows. */
    public EmojiPicker(EmojiPickerViewModel vm, EmojiImages images, Texts texts, PopupFrame frame) {
        this.vm = vm;
        this.images = images;
        this.texts = texts;
        grid.setId("emoji-grid");
        grid.getStyleClass().add("emoji-grid");
        grid.setPrefColumns(COLUMNS);
        grid.setHgap(2);
        grid.setVgap(2);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(5.5 * (CELL + 14));
        scroll.getStyleClass().add("emoji-scroll");
        tabs.getStyleClass().add("emoji-tabs");
        BorderPane root = new BorderPane(scroll);
        root.setBottom(tabs);
        root.setId("emoji-picker");
        root.getStyleClass().add("emoji-picker");
        frame.dress(root);
        popup.getContent().add(root);
        popup.setAutoHide(true);
        vm.shown().addListener((ListChangeListener<EmojiCatalog.Emoji>) c -> fill());
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** Opens the picker just above {@code anchor}, or closes it when open. */
    public void toggle(Node anchor) {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        vm.open();
        buildTabs();
        fill();
        Node root = popup.getContent().get(0);
        if (root instanceof javafx.scene.Parent p && anchor.getScene() != null) {
            p.getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        popup.show(anchor, b.getMinX(), b.getMinY());
        // placed after the first layout, when the popup knows its height
        popup.setY(b.getMinY() - popup.getHeight() - 4);
    }

    public void hide() {
        popup.hide();
    }

    private void buildTabs() {
        ToggleGroup group = new ToggleGroup();
        tabs.getChildren().clear();
        for (String name : vm.categories()) {
            ToggleButton tab = new ToggleButton();
            tab.setGraphic(
                    EmojiPickerViewModel.RECENT.equals(name)
                            ? new FontIcon(Feather.CLOCK)
                            : images.view(vm.icon(name), 20));
            String label = texts.get("emoji.category." + name);
            tab.setTooltip(new Tooltip(label));
            tab.setAccessibleText(label);
            tab.setId("emoji-tab-" + name);
            tab.getStyleClass().add("emoji-tab");
            tab.setToggleGroup(group);
            tab.setSelected(name.equals(vm.categoryProperty().get()));
            tab.setOnAction(e -> {
                tab.setSelected(true);
                vm.select(name);
                scroll.setVvalue(0);
            });
            tabs.getChildren().add(tab);
        }
    }

    private void fill() {
        grid.getChildren().clear();
        for (EmojiCatalog.Emoji e : vm.shown()) {
            Button b = new Button(null, images.view(e, CELL));
            b.getStyleClass().add("emoji-button");
            b.setAccessibleText(e.name());
            b.setUserData(e.text());
            b.setOnAction(ev -> {
                vm.pick(e);
                popup.hide();
            });
            grid.getChildren().add(b);
        }
    }
}
