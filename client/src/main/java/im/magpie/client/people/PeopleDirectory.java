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
    private final PinyinTable pinyin = new PinyinTable();
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
                built = PeopleIndex.build(table.all(), pinyin);
                index = built;
            }
            return built;
        }
    }

    /** Stores {@code people} as the whole directory and swaps in their index. */
    public synchronized void replace(List<PersonRecord> people) {
        table.replaceAll(people);
        index = PeopleIndex.build(people, pinyin);
    }

    /** Records a changed signature of {@code userId} (the user's own, once the server accepted it). */
    public synchronized void setSignature(long userId, String signature) {
        table.setSignature(userId, signature);
        index = PeopleIndex.build(table.all(), pinyin);
    }
}
