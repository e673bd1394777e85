package im.magpie.desktop.emoji;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The emoji picker: a "recent" tab (once something was picked) and the bundled categories. Picking inserts the emoji
 * through {@code insert} and moves it to the front of the recent ones.
 */
public final class EmojiPickerViewModel {
    public static final String RECENT = "recent";

    private final EmojiCatalog catalog;
    private final EmojiRecents recents;
    private final Consumer<String> insert;
    private final ReadOnlyStringWrapper category = new ReadOnlyStringWrapper();
    private final ObservableList<EmojiCatalog.Emoji> shown = FXCollections.observableArrayList();

    public EmojiPickerViewModel(EmojiCatalog catalog, EmojiRecents recents, Consumer<String> insert) {
        this.catalog = catalog;
        this.recents = recents;
        this.insert = insert;
        open();
    }

    /** Tabs in order: "recent" first when there is anything recent, then the catalogue's categories. */
    public List<String> categories() {
        List<String> out = new ArrayList<>();
        if (!recents.list().isEmpty()) {
            out.add(RECENT);
        }
        out.addAll(catalog.categories());
        return out;
    }

    /** Called each time the picker opens: starts on "recent" when there is anything recent. */
    public void open() {
        select(categories().get(0));
    }

    public void select(String name) {
        category.set(name);
        if (RECENT.equals(name)) {
            shown.setAll(recents.list().stream()
                    .flatMap(t -> catalog.find(t).stream())
                    .toList());
        } else {
            shown.setAll(catalog.in(name));
        }
    }

    public ReadOnlyStringProperty categoryProperty() {
        return category.getReadOnlyProperty();
    }

    public ObservableList<EmojiCatalog.Emoji> shown() {
        return shown;
    }

    /** The first emoji of a catalogue category (its tab icon). */
    public EmojiCatalog.Emoji icon(String name) {
        return catalog.in(name).get(0);
    }

    public void pick(EmojiCatalog.Emoji e) {
        recents.use(e.text());
        insert.accept(e.text());
    }
}
