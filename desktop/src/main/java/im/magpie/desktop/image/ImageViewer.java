package im.magpie.desktop.image;

import im.magpie.desktop.i18n.Texts;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A window showing one picture: fit or zoom (buttons, Ctrl+wheel, + and -), actual size, save. */
public final class ImageViewer {
    static final double MARGIN = 24;

    private final ImageViewerViewModel vm;
    private final Texts texts;
    private final Stage stage = new Stage();
    private final Image image;
    private final ImageView view = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final DoubleBinding shownFactor;

    public ImageViewer(ImageViewerViewModel vm, Texts texts, Window owner) {
        this.vm = vm;
        this.texts = texts;
        image = new Image(vm.file().toUri().toString(), true);
        view.setImage(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId("viewer-image");
        DoubleBinding fitFactor = Bindings.createDoubleBinding(
                () -> image.getWidth() <= 0
                        ? 1
                        : Math.min(
                                1,
                                Math.min(
                                        (scroll.getWidth() - MARGIN) / image.getWidth(),
                                        (scroll.getHeight() - MARGIN) / image.getHeight())),
                image.widthProperty(),
                image.heightProperty(),
                scroll.widthProperty(),
                scroll.heightProperty());
        shownFactor = Bindings.createDoubleBinding(
                () -> vm.fitProperty().get()
                        ? fitFactor.get()
                        : vm.zoomProperty().get(),
                vm.fitProperty(),
                vm.zoomProperty(),
                fitFactor);
        view.fitWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(1, image.getWidth() * shownFactor.get()), shownFactor, image.widthProperty()));

        StackPane canvas = new StackPane(view);
        canvas.getStyleClass().add("viewer-canvas");
        canvas.minWidthProperty().bind(scroll.widthProperty().subtract(2));
        canvas.minHeightProperty().bind(scroll.heightProperty().subtract(2));
        scroll.setContent(canvas);
        scroll.getStyleClass().add("viewer-scroll");
        scroll.setPannable(true);
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                if (e.getDeltaY() > 0) {
                    vm.zoomIn(shownFactor.get());
                } else {
                    vm.zoomOut(shownFactor.get());
                }
                e.consume();
            }
        });

        BorderPane root = new BorderPane(scroll);
        root.setTop(toolbar());
        root.getStyleClass().add("viewer");
        Scene scene = new Scene(root, 900, 680);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                vm.zoomIn(shownFactor.get());
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                vm.zoomOut(shownFactor.get());
            }
        });
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle(vm.name());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private HBox toolbar() {
        Label name = new Label(vm.name());
        name.getStyleClass().add("viewer-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label percent = new Label();
        percent.setId("viewer-zoom");
        percent.getStyleClass().add("viewer-zoom");
        percent.textProperty()
                .bind(Bindings.createStringBinding(() -> ImageViewerViewModel.percent(shownFactor.get()), shownFactor));
        Button out = tool(Feather.ZOOM_OUT, "viewer.zoomOut", "viewer-zoom-out");
        out.setOnAction(e -> vm.zoomOut(shownFactor.get()));
        Button in = tool(Feather.ZOOM_IN, "viewer.zoomIn", "viewer-zoom-in");
        in.setOnAction(e -> vm.zoomIn(shownFactor.get()));
        Button actual = tool(Feather.MAXIMIZE, "viewer.actualSize", "viewer-actual");
        actual.setOnAction(e -> vm.actualSize());
        Button fit = tool(Feather.MINIMIZE, "viewer.fit", "viewer-fit");
        fit.setOnAction(e -> vm.fitToWindow());
        Button save = tool(Feather.DOWNLOAD, "chat.saveAs", "viewer-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("chat.saveAs"));
            chooser.setInitialFileName(vm.name());
            File target = chooser.showSaveDialog(stage);
            if (target != null) {
                vm.save(target.toPath());
            }
        });
        HBox bar = new HBox(4, name, spacer, out, percent, in, actual, fit, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("viewer-toolbar");
        return bar;
    }

    private Button tool(Feather icon, String key, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(texts.get(key)));
        b.setAccessibleText(texts.get(key));
        b.setId(id);
        return b;
    }
}
