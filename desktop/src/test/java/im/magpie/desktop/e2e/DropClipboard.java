package im.magpie.desktop.e2e;

import com.sun.javafx.tk.TKClipboard;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.jspecify.annotations.Nullable;

/**
 * The toolkit side of a drag-and-drop {@code Dragboard} that offers copy and move, as the platform's drag source does
 * for files dragged from a file manager (the toolkit's own local clipboard refuses drag questions).
 */
final class DropClipboard implements TKClipboard {
    private final Map<DataFormat, Object> content = new HashMap<>();

    @Override
    @SuppressWarnings("removal") // the interface's signature
    public void setSecurityContext(java.security.@Nullable AccessControlContext ctx) {}

    @Override
    public Set<DataFormat> getContentTypes() {
        return content.keySet();
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final boolean putContent(Pair<DataFormat, Object>... items) {
        content.clear();
        for (Pair<DataFormat, Object> p : items) {
            content.put(p.getKey(), p.getValue());
        }
        return true;
    }

    @Override
    public @Nullable Object getContent(DataFormat format) {
        return content.get(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return content.containsKey(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return EnumSet.of(TransferMode.COPY, TransferMode.MOVE);
    }

    @Override
    public void setDragView(@Nullable Image image) {}

    @Override
    public void setDragViewOffsetX(double offsetX) {}

    @Override
    public void setDragViewOffsetY(double offsetY) {}

    @Override
    public @Nullable Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
