package im.magpie.desktop.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.dialog.MessageDialog;
import im.magpie.desktop.i18n.Texts;
import java.io.File;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings section: account and signature, notifications, files, appearance, and this device's data. */
public final class SettingsView {
    static final double CONTENT_WIDTH = 640;

    private final SettingsViewModel vm;
    private final Texts texts;
    private final ScrollPane root = new ScrollPane();

    public SettingsView(SettingsViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        Label title = new Label(texts.get("settings.title"));
        title.getStyleClass().add("settings-title");
        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        VBox content = new VBox(
                18,
                title,
                error,
                group("settings.account", account()),
                group("settings.notifications", notifications()),
                group("settings.files", files()),
                group("settings.appearance", appearance()),
                group("settings.data", data()));
        content.getStyleClass().add("settings-content");
        content.setMaxWidth(CONTENT_WIDTH);
        StackPane centred = new StackPane(content);
        StackPane.setAlignment(content, Pos.TOP_CENTER);
        centred.getStyleClass().add("settings-pane");
        root.setContent(centred);
        root.setFitToWidth(true);
        root.getStyleClass().addAll("settings-scroll", "edge-to-edge");
        root.setId("settings");
    }

    public Parent root() {
        return root;
    }

    private Node group(String titleKey, Node... rows) {
        Label title = new Label(texts.get(titleKey));
        title.getStyleClass().add("settings-group-title");
        VBox card = new VBox(rows);
        card.getStyleClass().add("settings-card");
        for (int i = 1; i < rows.length; i++) {
            rows[i].getStyleClass().add("settings-row-divided");
        }
        return new VBox(8, title, card);
    }

    private Node row(String labelKey, @Nullable String hintKey, Node control) {
        Label label = new Label(texts.get(labelKey));
        label.getStyleClass().add("settings-label");
        VBox text = new VBox(2, label);
        if (hintKey != null) {
            Label hint = new Label(texts.get(hintKey));
            hint.getStyleClass().add("hint-text");
            hint.setWrapText(true);
            text.getChildren().add(hint);
        }
        text.setMinWidth(0);
        text.setAlignment(Pos.CENTER_LEFT); // a label without a hint sits level with its control
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(16, text, control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("settings-row");
        return row;
    }

    private Node[] account() {
        StackPane avatar = new StackPane();
        vm.nameProperty()
                .addListener((o, was, now) -> avatar.getChildren()
                        .setAll(Avatars.of(vm.userId(), ConversationKind.DIRECT, MessageTexts.initials(now), 52)));
        Label name = new Label();
        name.setId("settings-name");
        name.getStyleClass().add("card-name");
        name.textProperty().bind(vm.nameProperty());
        Label account = new Label();
        account.getStyleClass().add("card-presence");
        account.textProperty().bind(vm.accountProperty());
        HBox who = new HBox(16, avatar, new VBox(4, name, account));
        who.setAlignment(Pos.CENTER_LEFT);
        who.getStyleClass().add("settings-row");

        TextField signature = new TextField();
        signature.setId("signature");
        signature.setPromptText(texts.get("settings.signature.prompt"));
        signature.textProperty().bindBidirectional(vm.signatureProperty());
        signature.setOnAction(e -> vm.saveSignature());
        HBox.setHgrow(signature, Priority.ALWAYS);
        Button save = new Button(texts.get("settings.signature.save"));
        save.setId("save-signature");
        save.setOnAction(e -> vm.saveSignature());
        Label status = new Label();
        status.setId("signature-status");
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        Label label = new Label(texts.get("settings.signature"));
        label.getStyleClass().add("settings-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox edit = new HBox(12, label, signature, save, status);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.getStyleClass().add("settings-row");
        return new Node[] {who, edit};
    }

    private Node[] notifications() {
        Preferences p = vm.preferences();
        ToggleSwitch popups = new ToggleSwitch();
        popups.setId("notifications-switch");
        popups.selectedProperty().bindBidirectional(p.notificationsProperty());
        ToggleSwitch sound = new ToggleSwitch();
        sound.setId("sound-switch");
        sound.selectedProperty().bindBidirectional(p.soundProperty());
        sound.disableProperty().bind(p.notificationsProperty().not());
        return new Node[] {
            row("settings.notifications.popup", "settings.notifications.popup.hint", popups),
            row("settings.notifications.sound", null, sound)
        };
    }

    private Node[] files() {
        Preferences p = vm.preferences();
        Label folder = new Label();
        folder.setId("download-dir");
        folder.getStyleClass().add("settings-path");
        folder.textProperty().bind(p.downloadDirProperty().asString());
        folder.setMinWidth(0);
        Button change = new Button(texts.get("settings.files.change"), new FontIcon(Feather.FOLDER));
        change.setId("change-download-dir");
        change.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("settings.files.folder"));
            File current = p.downloadDirProperty().get().toFile();
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) {
                vm.setDownloadDir(chosen.toPath());
            }
        });
        change.setMinWidth(Region.USE_PREF_SIZE);
        HBox folderBox = new HBox(12, folder, change);
        folderBox.setAlignment(Pos.CENTER_RIGHT);
        ToggleSwitch auto = new ToggleSwitch();
        auto.setId("auto-receive-switch");
        auto.selectedProperty().bindBidirectional(p.autoReceiveProperty());
        return new Node[] {
            row("settings.files.folder", null, folderBox),
            row("settings.files.autoReceive", "settings.files.autoReceive.hint", auto)
        };
    }

    private Node[] appearance() {
        Preferences p = vm.preferences();
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("language");
        language.getItems().addAll(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable Locale l) {
                return l == null ? "" : l.getLanguage().equals("zh") ? "简体中文" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return s.equals("English") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            }
        });
        Locale chosen = p.languageProperty().get();
        language.setValue(chosen != null ? chosen : texts.locale());
        language.valueProperty()
                .addListener((o, was, now) -> p.languageProperty().set(now));

        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("theme");
        theme.getItems().addAll(Theme.LIGHT, Theme.DARK);
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable Theme t) {
                return t == null ? "" : texts.get(t == Theme.DARK ? "settings.theme.dark" : "settings.theme.light");
            }

            @Override
            public Theme fromString(String s) {
                return s.equals(texts.get("settings.theme.dark")) ? Theme.DARK : Theme.LIGHT;
            }
        });
        theme.valueProperty().bindBidirectional(p.themeProperty());
        return new Node[] {
            row("settings.language", "settings.language.hint", language), row("settings.theme", null, theme)
        };
    }

    private Node[] data() {
        Button logout = new Button(texts.get("settings.logout"), new FontIcon(Feather.LOG_OUT));
        logout.setId("logout");
        logout.disableProperty().bind(vm.busyProperty());
        logout.setOnAction(e -> vm.logout());
        Button remove = new Button(texts.get("settings.remove"), new FontIcon(Feather.TRASH_2));
        remove.setId("remove-data");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(vm.busyProperty());
        remove.setOnAction(e -> confirmRemove());
        // the hints beside them wrap; the buttons keep their whole text ("Remove loc…" in English otherwise)
        logout.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        return new Node[] {
            row("settings.logout", "settings.logout.hint", logout),
            row("settings.remove", "settings.remove.hint", remove)
        };
    }

    private void confirmRemove() {
        ButtonType yes = new ButtonType(texts.get("settings.remove.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(texts.get("settings.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        new MessageDialog(
                        root.getScene().getWindow(),
                        texts.locale(),
                        MessageDialog.Kind.WARNING,
                        texts.get("settings.remove"),
                        texts.get("settings.remove.question"),
                        yes,
                        no)
                .dangerous(yes)
                .showAndWait()
                .filter(yes::equals)
                .ifPresent(b -> vm.removeLocalData());
    }
}
