package im.magpie.desktop.image;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The picture viewer: "fit to window" until the user zooms, then a zoom factor in steps between {@link #MIN} and
 * {@link #MAX}; saving goes through {@code save} (the chat saves the message's file).
 */
public final class ImageViewerViewModel {
    static final double MIN = 0.1;
    static final double MAX = 8;
    static final double STEP = 1.25;

    private final Path file;
    private final String name;
    private final Consumer<Path> save;
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper fit = new ReadOnlyBooleanWrapper(true);

    public ImageViewerViewModel(Path file, String name, Consumer<Path> save) {
        this.file = file;
        this.name = name;
        this.save = save;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    /** The zoom factor (1 = actual pixels); meaningful while not {@link #fitProperty() fitting}. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Whether the picture is scaled to fit the window. */
    public ReadOnlyBooleanProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** Zooms in from {@code current} (the factor the picture is drawn at now, also when fitting). */
    public void zoomIn(double current) {
        setZoom(current * STEP);
    }

    public void zoomOut(double current) {
        setZoom(current / STEP);
    }

    public void actualSize() {
        setZoom(1);
    }

    public void fitToWindow() {
        fit.set(true);
    }

    private void setZoom(double z) {
        zoom.set(Math.max(MIN, Math.min(MAX, z)));
        fit.set(false);
    }

    /** The percentage shown in the toolbar. */
    public static String percent(double factor) {
        return Math.round(factor * 100) + "%";
    }

    public void save(Path target) {
        save.accept(target);
    }
}
