package im.magpie.desktop.history;

import atlantafx.base.controls.CustomTextField;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.i18n.Texts;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The history viewer: the query bar (words, conversation, sender, days), the results with their matches highlighted,
 * "more results", and jumping to a message (double click, Enter or the row's button).
 */
public final class HistoryView {
    static final double WIDTH = 760;
    static final double HEIGHT = 640;

    private final HistoryViewModel vm;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final CustomTextField text = new CustomTextField();
    private final ListView<HistoryResult> list = new ListView<>();

    public HistoryView(HistoryViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root.getStyleClass().add("history-pane");
        root.setTop(queryBar());
        root.setCenter(results());
        root.setBottom(footer());
    }

    public Parent root() {
        return root;
    }

    /**
     * Shows the viewer in its own window over {@code owner}, with the main window's style sheets. A jump to a message
     * closes it and brings {@code owner} (the main window, now showing the message) to the front: as the viewer is
     * owned, it would otherwise stay on top and cover the message.
     */
    public Stage showIn(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        vm.jumpedProperty().addListener((o, was, now) -> {
            if (now != null) {
                stage.close();
                toFront(owner);
            }
        });
        stage.setTitle(texts.get("history.title"));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        if (owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        stage.show();
        text.requestFocus();
        return stage;
    }

    private static void toFront(Window owner) {
        if (owner instanceof Stage main) {
            main.setIconified(false);
            main.toFront();
        }
        owner.requestFocus();
    }

    static String stylesheet() {
        return Objects.requireNonNull(HistoryView.class.getResource("/im/magpie/desktop/history.css"))
                .toExternalForm();
    }

    private Node queryBar() {
        text.setId("history-text");
        text.setPromptText(texts.get("history.prompt"));
        text.setLeft(new FontIcon(Feather.SEARCH));
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setOnAction(e -> vm.search());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button search = new Button(texts.get("history.search"));
        search.setId("history-search");
        search.getStyleClass().add("accent");
        search.setDefaultButton(false);
        search.setOnAction(e -> vm.search());
        HBox first = new HBox(8, text, search);
        first.setAlignment(Pos.CENTER_LEFT);

        ComboBox<Choice> conversation = new ComboBox<>(vm.conversations());
        conversation.setId("history-conversation");
        conversation.valueProperty().bindBidirectional(vm.conversationProperty());
        conversation.setPrefWidth(190);
        ComboBox<Choice> sender = new ComboBox<>(vm.people());
        sender.setId("history-sender");
        sender.valueProperty().bindBidirectional(vm.senderProperty());
        sender.setPrefWidth(150);
        DatePicker from = new DatePicker();
        from.setId("history-from");
        from.setPromptText(texts.get("history.from"));
        from.valueProperty().bindBidirectional(vm.fromDayProperty());
        from.setPrefWidth(140);
        DatePicker to = new DatePicker();
        to.setId("history-to");
        to.setPromptText(texts.get("history.to"));
        to.valueProperty().bindBidirectional(vm.toDayProperty());
        to.setPrefWidth(140);
        Label dash = new Label("–");
        HBox second = new HBox(8, conversation, sender, from, dash, to);
        second.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("history-status");
        status.getStyleClass().add("history-status");
        status.textProperty().bind(vm.statusProperty());
        VBox bar = new VBox(10, first, second, status);
        bar.getStyleClass().add("history-query");
        return bar;
    }

    private Node results() {
        list.setId("history-results");
        list.getStyleClass().add("history-results");
        list.setItems(vm.results());
        EmojiText emoji = new EmojiText(EmojiCatalog.bundled(), new EmojiImages());
        list.setCellFactory(v -> new HistoryCell(vm, texts, emoji));
        Label none = new Label(texts.get("history.placeholder"), new FontIcon(Feather.CLOCK));
        none.getStyleClass().add("history-placeholder");
        none.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        list.setPlaceholder(none);
        list.setOnKeyPressed(e -> {
            HistoryResult r = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) {
                vm.jumpTo(r);
            }
        });
        return list;
    }

    private Node footer() {
        Button more = new Button(texts.get("history.more"));
        more.setId("history-more");
        more.visibleProperty().bind(vm.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(vm.searchingProperty());
        more.setOnAction(e -> vm.loadMore());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(spacer, more);
        box.getStyleClass().add("history-footer");
        box.setAlignment(Pos.CENTER_RIGHT);
        box.visibleProperty().bind(vm.hasMoreProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
