package im.magpie.desktop.group;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
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
 * The member picker: colleagues searchable by name, account and pinyin on the left (tick several), the picked ones as
 * chips on the right with the group name (new group only), and Create / Add. Opened as its own small window.
 */
public final class MemberPicker {
    static final double WIDTH = 680;
    static final double HEIGHT = 520;
    static final double AVATAR = 32;
    static final double CHIP_AVATAR = 20;

    private final MemberPickerViewModel vm;
    private final Texts texts;
    private final HBox root = new HBox();
    private final ListView<Contact> list = new ListView<>();

    public MemberPicker(MemberPickerViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root.getStyleClass().add("member-picker");
        root.getStylesheets().add(GroupStyles.url());
        Node left = searchColumn();
        Node right = pickedColumn();
        HBox.setHgrow(left, Priority.ALWAYS);
        root.getChildren().addAll(left, right);
        vm.picked().addListener((ListChangeListener<Contact>) c -> list.refresh());
        vm.finishedProperty().addListener((o, was, now) -> close());
    }

    public Parent root() {
        return root;
    }

    /** Shows the picker as a window over {@code owner}; it closes itself when done or cancelled. */
    public Stage showIn(Window owner, Runnable onClose) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(vm.title());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> onClose.run());
        stage.show();
        return stage;
    }

    private Node searchColumn() {
        CustomTextField search = new CustomTextField();
        search.setId("picker-search");
        search.setPromptText(texts.get("picker.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.queryProperty());
        list.setId("picker-results");
        list.getStyleClass().add("picker-results");
        list.setItems(vm.results());
        list.setCellFactory(v -> new CandidateCell());
        list.setFixedCellSize(48);
        Label none = new Label(texts.get("picker.noResults"));
        none.getStyleClass().add("hint-text");
        list.setPlaceholder(none);
        VBox box = new VBox(10, search, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("picker-left");
        return box;
    }

    private Node pickedColumn() {
        Label count = new Label();
        count.setId("picker-count");
        count.getStyleClass().add("picker-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.picked().isEmpty()
                                ? vm.noneHint()
                                : texts.format("picker.selected", vm.picked().size()),
                        vm.picked()));
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("picker-chips");
        chips.getStyleClass().add("picker-chips");
        vm.picked().addListener((ListChangeListener<Contact>) c ->
                chips.getChildren().setAll(vm.picked().stream().map(this::chip).toList()));
        ScrollPane chipScroll = new ScrollPane(chips);
        chipScroll.setFitToWidth(true);
        chipScroll.getStyleClass().add("picker-chip-scroll");
        VBox.setVgrow(chipScroll, Priority.ALWAYS);

        VBox box = new VBox(10, count, chipScroll);
        TextField name = new TextField();
        name.setId("picker-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.promptTextProperty().bind(vm.defaultNameBinding());
        Label nameLabel = new Label(texts.get("picker.groupName"));
        nameLabel.getStyleClass().add("picker-label");
        for (Node n : List.of(nameLabel, name)) {
            n.visibleProperty().bind(vm.namesGroupBinding());
            n.managedProperty().bind(n.visibleProperty());
        }
        box.getChildren().addAll(nameLabel, name);
        Label error = new Label();
        error.setId("picker-error");
        error.getStyleClass().add("picker-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button cancel = new Button(texts.get("picker.cancel"));
        cancel.setId("picker-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        Button confirm = new Button();
        confirm.textProperty().bind(vm.confirmTextBinding());
        confirm.setId("picker-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(vm.canConfirmBinding().not());
        confirm.setOnAction(e -> vm.confirm());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().addAll(error, buttons);
        box.getStyleClass().add("picker-right");
        box.setMinWidth(260);
        box.setPrefWidth(260);
        box.setMaxWidth(260);
        return box;
    }

    private Node chip(Contact c) {
        String name = MemberPickerViewModel.shownName(c);
        Label label = new Label(name);
        label.getStyleClass().add("chip-name");
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll("chip-remove", Styles.BUTTON_ICON, Styles.FLAT);
        remove.setAccessibleText(texts.format("picker.removeChip", name));
        remove.setOnAction(e -> vm.toggle(c));
        HBox chip = new HBox(
                4,
                Avatars.of(c.userId(), ConversationKind.DIRECT, MessageTexts.initials(name), CHIP_AVATAR),
                label,
                remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage s) {
            s.close();
        }
    }

    /** A colleague with a tick box; members of the group are ticked and fixed. */
    private final class CandidateCell extends ListCell<Contact> {
        private final CheckBox tick = new CheckBox();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox avatar = new HBox();
        private final HBox box;

        CandidateCell() {
            tick.setMouseTransparent(true);
            tick.setFocusTraversable(false);
            name.getStyleClass().add("candidate-name");
            detail.getStyleClass().add("candidate-detail");
            VBox text = new VBox(2, name, detail);
            text.setAlignment(Pos.CENTER_LEFT);
            box = new HBox(10, tick, avatar, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                Contact c = getItem();
                if (c == null || isEmpty()) {
                    return;
                }
                if (e.getClickCount() == 2 && vm.opensOnDoubleClick()) {
                    if (!vm.isPicked(c)) {
                        vm.toggle(c);
                    }
                    vm.confirm();
                } else if (e.getClickCount() == 1) {
                    vm.toggle(c);
                }
            });
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Contact c, boolean empty) {
            super.updateItem(c, empty);
            setText(null);
            if (empty || c == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            String shown = MemberPickerViewModel.shownName(c);
            boolean member = vm.inGroup(c);
            tick.setSelected(member || vm.isPicked(c));
            tick.setDisable(member);
            name.setText(shown);
            detail.setText(member ? texts.get("picker.inGroup") : c.account());
            avatar.getChildren()
                    .setAll(Avatars.of(c.userId(), ConversationKind.DIRECT, MessageTexts.initials(shown), AVATAR));
            setGraphic(box);
            setId("candidate-" + c.account());
        }
    }
}
