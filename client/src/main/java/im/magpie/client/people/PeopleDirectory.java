package im.magpie.client.people;

import im.magpie.client.store.PersonRecord;
import im.magpie.client.store.PersonTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The directory of one session: the {@code person} table of the encrypted store and its in-memory
 * {@link PeopleIndex}, built on first use and rebuilt whenever the table is replaced.
 */
public final class PeopleDirectory {
    private final PersonTable table;
    /** Loaded with the first index (not at login: a launch that never searches people does not read it). */
    private @Nullable PinyinTable pinyin;

    private volatile @Nullable PeopleIndex index;

    public PeopleDirectory(PersonTable table) {
        this.table = table;
    }

    /** The current index (built from the store the first time). */
    public PeopleIndex index() {
        PeopleIndex i = index;
        if (i != null) {
            return i;
        }
        synchronized (this) {
            PeopleIndex built = index;
            if (built == null) {
                built = PeopleIndex.of(table.all(), pinyin());
                index = built;
            }
            return built;
        }
    }

    /** Stores {@code people} as the whole directory and swaps in their index. */
    public synchronized void replace(List<PersonRecord> people) {
        table.replaceAll(people);
        index = PeopleIndex.of(people, pinyin());
    }

    /** Records a changed signature of {@code userId} (the user's own, once the server accepted it). */
    public synchronized void setSignature(long userId, String signature) {
        table.setSignature(userId, signature);
        index = PeopleIndex.of(table.all(), pinyin());
    }

    private synchronized PinyinTable pinyin() {
        PinyinTable loaded = pinyin;
        if (loaded == null) {
            loaded = PinyinTable.load();
            pinyin = loaded;
        }
        return loaded;
    }
}
