package im.magpie.desktop.chat;

import atlantafx.base.controls.CustomTextField;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Forward to": search, tick one or more conversations, send. Closes once the message (or every ticked one, "逐条转发")
 * went out.
 */
final class ForwardDialog {
    static final double AVATAR = 32;
    static final double WIDTH = 420;
    static final double HEIGHT = 520;

    private final ForwardViewModel vm;
    private final Stage stage = new Stage();

    ForwardDialog(ForwardViewModel vm, Window owner) {
        this.vm = vm;
        CustomTextField search = new CustomTextField();
        search.setId("forward-search");
        search.setPromptText(vm.words().texts().get("forward.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.queryProperty());

        ListView<ConversationRow> list = new ListView<>(vm.shown());
        list.setId("forward-targets");
        list.getStyleClass().add("forward-list");
        list.setCellFactory(v -> new TargetCell());
        Label none = new Label(vm.words().texts().get("forward.none"));
        none.getStyleClass().add("hint-text");
        list.setPlaceholder(none);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label chosen = new Label();
        chosen.getStyleClass().add("hint-text");
        chosen.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.words()
                                .texts()
                                .format("forward.chosen", vm.chosen().size()),
                        vm.chosen()));
        Label problem = new Label();
        problem.getStyleClass().add("status-failed");
        problem.textProperty().bind(vm.problemProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button(vm.words().texts().get("dialog.cancel"));
        cancel.setId("forward-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button send = new Button(vm.words().texts().get("forward.send"));
        send.setId("forward-send");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(vm.canSendBinding().not());
        send.setOnAction(e -> vm.send());
        HBox footer = new HBox(8, chosen, problem, spacer, cancel, send);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(10, search, list, footer);
        if (vm.messageCount() > 1) {
            Label many = new Label(vm.words().texts().format("forward.oneByOne", vm.messageCount()));
            many.setId("forward-count");
            many.getStyleClass().add("forward-count");
            root.getChildren().add(0, many);
        }
        root.getStyleClass().add("forward-dialog");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        vm.doneProperty().addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(vm.words().texts().get("forward.title"));
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    /** A conversation with a tick box; a click anywhere on the row ticks it. */
    private final class TargetCell extends ListCell<ConversationRow> {
        private final CheckBox tick = new CheckBox();
        private final SetChangeListener<Long> onChosen = c -> refreshTick();

        TargetCell() {
            tick.setMouseTransparent(true);
            tick.setFocusTraversable(false);
            vm.chosen().addListener(new javafx.collections.WeakSetChangeListener<>(onChosen));
            setOnMouseClicked(e -> {
                ConversationRow r = getItem();
                if (r != null && !isEmpty()) {
                    vm.toggle(r.id());
                }
            });
        }

        private void refreshTick() {
            ConversationRow r = getItem();
            tick.setSelected(r != null && !isEmpty() && vm.chosen().contains(r.id()));
        }

        @Override
        protected void updateItem(ConversationRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            refreshTick();
            Label name = new Label(r.name());
            name.getStyleClass().add("forward-name");
            HBox row = new HBox(10, tick, Avatars.of(r.avatarId(), r.kind(), r.initials(), AVATAR), name);
            row.setAlignment(Pos.CENTER_LEFT);
            setId("forward-" + r.id());
            setGraphic(row);
        }
    }
}
