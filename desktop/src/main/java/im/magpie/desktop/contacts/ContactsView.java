package im.magpie.desktop.contacts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiFlow;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.i18n.Texts;
import javafx.collections.MapChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The contacts section: the directory column (today the single "all colleagues" entry; the department tree goes
 * below it), the searchable list of people, and the contact card of the selected one.
 */
public final class ContactsView {
    static final double DIRECTORY_WIDTH = 220;
    static final double LIST_WIDTH = 300;
    static final double CARD_AVATAR = 72;

    private final ContactsViewModel vm;
    private final Texts texts;
    private final HBox root = new HBox();
    private final VBox directory = new VBox();
    private final ListView<Contact> list = new ListView<>();
    private final StackPane cardHost = new StackPane();
    private final EmojiImages emojiImages = new EmojiImages();
    private final EmojiText emoji = new EmojiText(EmojiCatalog.bundled(), emojiImages);

    public ContactsView(ContactsViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root.getChildren().addAll(directoryColumn(), listColumn(), cardHost);
        root.getStyleClass().add("contacts");
        HBox.setHgrow(cardHost, Priority.ALWAYS);
        cardHost.getStyleClass().add("card-pane");
        vm.selectedProperty().addListener((o, was, now) -> showCard(now));
        vm.presence().addListener((MapChangeListener<Long, Presence>) c -> {
            list.refresh();
            showCard(vm.selectedProperty().get());
        });
        showCard(null);
    }

    public Parent root() {
        return root;
    }

    /** The directory column: where the department tree goes, below "all colleagues". */
    VBox directory() {
        return directory;
    }

    private Node directoryColumn() {
        Label title = new Label(texts.get("contacts.title"));
        title.getStyleClass().add("list-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("list-header");

        Label count = new Label();
        count.setId("contacts-total");
        count.getStyleClass().add("directory-count");
        count.textProperty().bind(vm.totalProperty().asString());
        HBox frequent = directoryItem("frequent-contacts", Feather.STAR, "contacts.frequent", new Label());
        frequent.setOnMouseClicked(e -> vm.showFrequent());
        HBox all = directoryItem("all-colleagues", Feather.USERS, "contacts.all", count);
        all.setOnMouseClicked(e -> vm.showAll());
        vm.scopeProperty().addListener((o, was, now) -> markActive(now, frequent, all));
        markActive(vm.scopeProperty().get(), frequent, all);

        directory.getChildren().setAll(header, frequent, all);
        directory.getStyleClass().add("directory-pane");
        fixWidth(directory, DIRECTORY_WIDTH);
        return directory;
    }

    private HBox directoryItem(String id, Feather iconCode, String nameKey, Label count) {
        FontIcon icon = new FontIcon(iconCode);
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("directory-icon");
        Label name = new Label(texts.get(nameKey));
        name.getStyleClass().add("directory-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox item = new HBox(10, badge, name, spacer, count);
        item.setId(id);
        item.getStyleClass().add("directory-item");
        item.setAlignment(Pos.CENTER_LEFT);
        VBox.setMargin(item, new javafx.geometry.Insets(0, 8, 0, 8));
        return item;
    }

    private static void markActive(ContactsViewModel.Scope scope, HBox frequent, HBox all) {
        frequent.getStyleClass().remove("active");
        all.getStyleClass().remove("active");
        (scope == ContactsViewModel.Scope.FREQUENT ? frequent : all)
                .getStyleClass()
                .add("active");
    }

    private Node listColumn() {
        CustomTextField search = new CustomTextField();
        search.setId("contact-search");
        search.setPromptText(texts.get("contacts.search.prompt"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox header = new HBox(search);
        header.getStyleClass().add("list-header");

        list.setId("contacts");
        list.getStyleClass().add("conversation-list");
        list.setItems(vm.shown());
        list.setCellFactory(v -> new ContactCell(vm, emojiImages));
        Label none = new Label();
        none.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> texts.get(
                                vm.scopeProperty().get() == ContactsViewModel.Scope.FREQUENT
                                        ? "contacts.noFrequent"
                                        : "contacts.none"),
                        vm.scopeProperty()));
        none.setWrapText(true);
        none.getStyleClass().add("hint-text");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        VBox column = new VBox(header, error, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        column.getStyleClass().add("list-pane");
        fixWidth(column, LIST_WIDTH);
        return column;
    }

    private void showCard(@Nullable Contact c) {
        if (c == null) {
            Label text = new Label(texts.get("contacts.empty"), new FontIcon(Feather.USERS));
            text.setContentDisplay(ContentDisplay.TOP);
            text.setGraphicTextGap(16);
            VBox box = new VBox(text);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().add("empty-state");
            cardHost.getChildren().setAll(box);
            return;
        }
        cardHost.getChildren().setAll(card(c));
    }

    private Node card(Contact c) {
        PresenceDot dot = new PresenceDot(8);
        dot.show(vm.presenceOf(c.userId()));
        StackPane.setAlignment(dot, Pos.BOTTOM_RIGHT);
        StackPane avatar = new StackPane(
                Avatars.of(c.userId(), ConversationKind.DIRECT, MessageTexts.initials(c.displayName()), CARD_AVATAR),
                dot);
        avatar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        Label name = new Label(c.displayName());
        name.setId("card-name");
        name.getStyleClass().add("card-name");
        Label presence = new Label(vm.presenceText(c.userId()));
        presence.setId("card-presence");
        presence.getStyleClass().add("card-presence");
        VBox who = new VBox(6, name, presence);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(20, avatar, who);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane fields = new GridPane();
        fields.getStyleClass().add("card-fields");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        fields.getColumnConstraints().addAll(labels, new ColumnConstraints());
        Label account = new Label(c.account());
        account.setId("card-account");
        account.getStyleClass().add("card-value");
        addField(fields, 0, "contacts.account", account);
        EmojiFlow signature = new EmojiFlow(emoji, "card-text", EmojiText.INLINE);
        signature.setText(c.signature().isEmpty() ? texts.get("contacts.noSignature") : c.signature());
        signature.setId("card-signature");
        addField(fields, 1, "contacts.signature", signature);

        boolean self = vm.isSelf(c);
        Button message = new Button(
                texts.get(self ? "contacts.messageSelf" : "contacts.message"),
                new FontIcon(self ? Feather.MONITOR : Feather.MESSAGE_SQUARE));
        message.setId("card-message");
        message.getStyleClass().addAll(Styles.ACCENT, "card-button");
        message.setDefaultButton(true);
        message.setOnAction(e -> vm.message());

        VBox card = new VBox(24, top, fields, message);
        card.getStyleClass().add("contact-card");
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        return card;
    }

    private void addField(GridPane grid, int row, String labelKey, Node value) {
        Label label = new Label(texts.get(labelKey));
        label.getStyleClass().add("card-label");
        grid.addRow(row, label, value);
    }

    private static void fixWidth(Region r, double width) {
        r.setMinWidth(width);
        r.setPrefWidth(width);
        r.setMaxWidth(width);
    }
}
