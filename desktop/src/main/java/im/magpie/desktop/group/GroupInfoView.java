package im.magpie.desktop.group;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ChatHooks;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.contacts.PresenceDot;
import im.magpie.desktop.dialog.MessageDialog;
import im.magpie.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The group info panel beside a group chat: title (renamed inline by the owner and admins), members with avatar,
 * presence, name and role badge (right click: remove, admin, hand over), add members, mute and leave. Its view-model
 * is disposed when the panel leaves the scene.
 */
public final class GroupInfoView {
    static final double WIDTH = 300;
    static final double AVATAR = 34;

    private final GroupInfoViewModel vm;
    private final Texts texts;
    private final ChatHooks.PersonHover hover;
    private final Runnable close;
    private final VBox root = new VBox();
    private final StackPane titleSlot = new StackPane();
    private final ListView<Member> list = new ListView<>();

    /** {@code hover}: the hover card on members; {@code close}: takes the panel away. */
    public GroupInfoView(GroupInfoViewModel vm, Texts texts, ChatHooks.PersonHover hover, Runnable close) {
        this.vm = vm;
        this.texts = texts;
        this.hover = hover;
        this.close = close;
        root.setId("group-panel");
        root.getStyleClass().add("group-panel");
        root.getStylesheets().add(GroupStyles.url());
        root.setMinWidth(WIDTH);
        root.setPrefWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        root.getChildren().addAll(header(), titleRow(), membersHeader(), memberList(), footer());
        vm.myRoleProperty().addListener((o, was, now) -> {
            showTitle();
            list.refresh();
        });
        vm.presence().addListener((MapChangeListener<Long, Presence>) c -> list.refresh());
        vm.goneProperty().addListener((o, was, now) -> {
            if (now) {
                close.run();
            }
        });
        root.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                vm.dispose();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label heading = new Label(texts.get("group.info"));
        heading.getStyleClass().add("group-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button x = iconButton(Feather.X, "group.close");
        x.setId("group-close");
        x.setOnAction(e -> close.run());
        HBox box = new HBox(heading, spacer, x);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("group-header");
        return box;
    }

    private Node titleRow() {
        titleSlot.setAlignment(Pos.CENTER_LEFT);
        titleSlot.getStyleClass().add("group-title-row");
        vm.titleProperty().addListener((o, was, now) -> showTitle());
        showTitle();
        return titleSlot;
    }

    /** The title with a pencil for the owner and admins. */
    private void showTitle() {
        Label name = new Label(vm.titleProperty().get());
        name.setId("group-title");
        name.getStyleClass().add("group-title");
        name.setWrapText(true);
        HBox row = new HBox(6, name);
        row.setAlignment(Pos.CENTER_LEFT);
        if (vm.canRename()) {
            Button edit = iconButton(Feather.EDIT_2, "group.rename");
            edit.setId("group-rename");
            edit.setOnAction(e -> editTitle());
            row.getChildren().add(edit);
        }
        titleSlot.getChildren().setAll(row);
    }

    /** Inline rename: Enter saves, Esc or leaving the field cancels. */
    private void editTitle() {
        TextField field = new TextField(vm.titleProperty().get());
        field.setId("group-title-field");
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (vm.rename(field.getText())) {
                    showTitle();
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                showTitle();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && field.getScene() != null) {
                showTitle();
            }
        });
        titleSlot.getChildren().setAll(field);
        field.requestFocus();
        field.selectAll();
    }

    private Node membersHeader() {
        Label count = new Label();
        count.setId("group-member-count");
        count.getStyleClass().add("group-section");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts.format("group.members", vm.members().size()), vm.members()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button(texts.get("group.addMembers"), new FontIcon(Feather.USER_PLUS));
        add.setId("group-add");
        add.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        add.setOnAction(e -> addMembers());
        HBox box = new HBox(count, spacer, add);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("group-members-header");
        return box;
    }

    private Node memberList() {
        list.setId("group-members");
        list.getStyleClass().add("group-members");
        list.setItems(vm.members());
        list.setCellFactory(v -> new MemberCell());
        list.setFixedCellSize(46);
        vm.members().addListener((ListChangeListener<Member>) c -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    private Node footer() {
        Label muteLabel = new Label(texts.get("group.mute"));
        ToggleSwitch mute = new ToggleSwitch();
        mute.setId("group-mute");
        mute.selectedProperty().bindBidirectional(vm.mutedProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox muteRow = new HBox(muteLabel, spacer, mute);
        muteRow.setAlignment(Pos.CENTER_LEFT);
        muteRow.getStyleClass().add("group-setting");

        Label error = new Label();
        error.setId("group-error");
        error.getStyleClass().add("group-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button leave = new Button(texts.get("group.leave"), new FontIcon(Feather.LOG_OUT));
        leave.setId("group-leave");
        leave.getStyleClass().addAll(Styles.DANGER, "group-leave");
        leave.setMaxWidth(Double.MAX_VALUE);
        leave.setOnAction(e -> confirmLeave());
        VBox box = new VBox(10, muteRow, error, leave);
        box.getStyleClass().add("group-footer");
        return box;
    }

    private void addMembers() {
        if (root.getScene() == null) {
            return;
        }
        MemberPickerViewModel picker = vm.addMembersPicker();
        new MemberPicker(picker, texts).showIn(root.getScene().getWindow(), () -> {});
        picker.start();
    }

    private void confirmLeave() {
        String question = vm.successor()
                .map(next -> texts.format(
                        "group.leave.ownerQuestion", vm.titleProperty().get(), next.name()))
                .orElse(texts.format("group.leave.question", vm.titleProperty().get()));
        if (confirm(question, "group.leave.confirm")) {
            vm.leave();
        }
    }

    /** Asks {@code question}; true when the user pressed the (dangerous) button {@code okKey}. */
    private boolean confirm(String question, String okKey) {
        ButtonType ok = new ButtonType(texts.get(okKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("group.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.stage.Window owner =
                root.getScene() == null ? null : root.getScene().getWindow();
        return new MessageDialog(
                        owner,
                        texts.locale(),
                        MessageDialog.Kind.QUESTION,
                        texts.get("group.info"),
                        question,
                        ok,
                        cancel)
                .dangerous(ok)
                .showAndWait()
                .filter(ok::equals)
                .isPresent();
    }

    private ContextMenu menu(Member m) {
        ContextMenu menu = new ContextMenu();
        if (vm.canChangeRole(m)) {
            boolean admin = m.role() == MemberRole.ADMIN;
            MenuItem role = new MenuItem(texts.get(admin ? "group.unmakeAdmin" : "group.makeAdmin"));
            role.setOnAction(e -> vm.setAdmin(m, !admin));
            MenuItem owner = new MenuItem(texts.get("group.makeOwner"));
            owner.setOnAction(e -> {
                if (confirm(texts.format("group.makeOwner.question", m.name()), "group.makeOwner.confirm")) {
                    vm.makeOwner(m);
                }
            });
            menu.getItems().addAll(role, owner);
        }
        if (vm.canRemove(m)) {
            MenuItem remove = new MenuItem(texts.get("group.remove"));
            remove.setOnAction(e -> {
                if (confirm(texts.format("group.remove.question", m.name()), "group.remove.confirm")) {
                    vm.remove(m);
                }
            });
            menu.getItems().add(remove);
        }
        return menu;
    }

    private Button iconButton(Feather icon, String textKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "group-icon-button");
        b.setAccessibleText(texts.get(textKey));
        b.setTooltip(new javafx.scene.control.Tooltip(texts.get(textKey)));
        return b;
    }

    /** A member: avatar with presence dot, name ("(you)" for the user), role badge. */
    private final class MemberCell extends ListCell<Member> {
        @Override
        protected void updateItem(Member m, boolean empty) {
            super.updateItem(m, empty);
            setText(null);
            if (empty || m == null) {
                setGraphic(null);
                setContextMenu(null);
                setId(null);
                return;
            }
            PresenceDot dot = new PresenceDot(5);
            dot.show(vm.presenceOf(m.userId()));
            StackPane.setAlignment(dot, Pos.BOTTOM_RIGHT);
            StackPane avatar = new StackPane(
                    Avatars.of(m.userId(), ConversationKind.DIRECT, MessageTexts.initials(m.name()), AVATAR), dot);
            hover.install(avatar, m.userId());
            Label name = new Label(m.userId() == vm.selfUserId() ? texts.format("group.you", m.name()) : m.name());
            name.getStyleClass().add("member-name");
            name.setMinWidth(0);
            hover.install(name, m.userId());
            HBox row = new HBox(10, avatar, name);
            row.setAlignment(Pos.CENTER_LEFT);
            if (m.role() != MemberRole.MEMBER) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Label badge = new Label(texts.get(m.role() == MemberRole.OWNER ? "group.owner" : "group.admin"));
                badge.getStyleClass().addAll("role-badge", m.role() == MemberRole.OWNER ? "role-owner" : "role-admin");
                row.getChildren().addAll(spacer, badge);
            }
            setGraphic(row);
            setId("member-" + m.account());
            ContextMenu menu = menu(m);
            setContextMenu(menu.getItems().isEmpty() ? null : menu);
        }
    }
}
