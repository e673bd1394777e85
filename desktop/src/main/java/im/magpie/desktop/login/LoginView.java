package im.magpie.desktop.login;

import im.magpie.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The login window's content: binds to a {@link LoginViewModel}; the fingerprint question replaces the form. */
public final class LoginView {
    static final double CARD_WIDTH = 380;

    private final LoginViewModel vm;
    private final Texts texts;
    private final StackPane root = new StackPane();

    public LoginView(LoginViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root.getStyleClass().add("login-pane");
        VBox form = form();
        VBox question = fingerprintQuestion();
        form.visibleProperty().bind(vm.fingerprintProperty().isEmpty());
        question.visibleProperty().bind(vm.fingerprintProperty().isNotEmpty());
        StackPane card = new StackPane(form, question);
        card.getStyleClass().add("login-card");
        card.setMaxSize(CARD_WIDTH, StackPane.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }

    private VBox form() {
        StackPane logo = new StackPane(new FontIcon(Feather.MESSAGE_CIRCLE));
        logo.getStyleClass().add("logo");
        Label title = new Label(texts.get("login.title"));
        title.getStyleClass().add("login-title");
        Label tagline = new Label(texts.get("app.tagline"));
        tagline.getStyleClass().add("login-tagline");

        TextField server = new TextField();
        server.setId("server");
        server.setPromptText(texts.get("login.server.prompt"));
        server.textProperty().bindBidirectional(vm.serverProperty());
        TextField account = new TextField();
        account.setId("account");
        account.setPromptText(texts.get("login.account.prompt"));
        account.textProperty().bindBidirectional(vm.accountProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(texts.get("login.password.prompt"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.login());
        account.setOnAction(e -> password.requestFocus());

        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        Button login = new Button(texts.get("login.submit"));
        login.setId("login");
        login.setDefaultButton(true);
        login.getStyleClass().addAll("accent", "wide-button");
        login.setMaxWidth(Double.MAX_VALUE);
        login.disableProperty().bind(vm.canLoginBinding().not());
        login.setOnAction(e -> vm.login());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label status = new Label();
        status.getStyleClass().add("hint-text");
        status.textProperty().bind(vm.statusProperty());
        HBox busy = new HBox(8, spinner, status);
        busy.setAlignment(Pos.CENTER);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());

        Label remembered = new Label(texts.get("login.remembered"));
        remembered.getStyleClass().add("hint-text");
        remembered.setWrapText(true);
        remembered.setId("remembered");
        remembered.visibleProperty().bind(vm.accountRememberedBinding());

        VBox header = new VBox(10, logo, title, tagline);
        header.setAlignment(Pos.CENTER);
        header.setPadding(new Insets(0, 0, 10, 0));
        VBox box = new VBox(
                6,
                header,
                label("login.server"),
                server,
                gap(),
                label("login.account"),
                account,
                gap(),
                label("login.password"),
                password,
                gap(),
                error,
                login,
                busy,
                remembered);
        box.setFillWidth(true);
        return box;
    }

    private VBox fingerprintQuestion() {
        StackPane shield = new StackPane(new FontIcon(Feather.SHIELD));
        shield.getStyleClass().add("logo");
        Label title = new Label();
        title.getStyleClass().add("login-title");
        title.setWrapText(true);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts.format(
                                "login.fingerprint.title",
                                vm.fingerprintServerProperty().get()),
                        vm.fingerprintServerProperty()));
        Label text = new Label(texts.get("login.fingerprint.text"));
        text.setWrapText(true);
        text.getStyleClass().add("login-tagline");
        // one label per line: a multi-line label's height is not reliable with a monospaced font
        VBox lines = new VBox(4);
        lines.setId("fingerprint");
        lines.getStyleClass().add("fingerprint");
        lines.setAlignment(Pos.CENTER);
        lines.setMaxWidth(Double.MAX_VALUE);
        vm.fingerprintProperty()
                .addListener((o, was, now) -> lines.getChildren()
                        .setAll(now.lines()
                                .map(line -> {
                                    Label l = new Label(line);
                                    l.getStyleClass().add("fingerprint-line");
                                    return l;
                                })
                                .toList()));
        Button trust = new Button(texts.get("login.fingerprint.trust"));
        trust.setId("trust");
        trust.getStyleClass().addAll("accent", "wide-button");
        trust.setMaxWidth(Double.MAX_VALUE);
        trust.setOnAction(e -> vm.trustFingerprint());
        Button reject = new Button(texts.get("login.fingerprint.reject"));
        reject.setId("reject");
        reject.getStyleClass().add("wide-button");
        reject.setMaxWidth(Double.MAX_VALUE);
        reject.setOnAction(e -> vm.rejectFingerprint());
        HBox buttons = new HBox(10, reject, trust);
        HBox.setHgrow(trust, Priority.ALWAYS);
        HBox.setHgrow(reject, Priority.ALWAYS);
        VBox box = new VBox(14, shield, title, text, lines, buttons);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Label label(String key) {
        Label l = new Label(texts.get(key));
        l.getStyleClass().add("field-label");
        return l;
    }

    private static javafx.scene.layout.Region gap() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setMinHeight(4);
        return r;
    }
}
