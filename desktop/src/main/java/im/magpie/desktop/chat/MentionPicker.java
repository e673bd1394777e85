package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The @mention popup of a group composer: which members match the "@query" just before the caret, which one is
 * selected, and who was picked. A mention is sent only while its "@Name" is still in the text.
 */
public final class MentionPicker {
    /** The draft after a pick and where the caret goes. */
    public record Insertion(String text, int caret) {}

    /** The user id of the "@所有人 / @All" entry (no user has id 0). */
    public static final long ALL = 0;
    /** What the "@All" entry also answers to, besides its translated name. */
    private static final List<String> ALL_WORDS = List.of("all", "everyone", "suoyouren", "syr");

    private final long self;
    private final Member all;
    private List<Member> members = List.of();
    private MemberSearch search = MemberSearch.plain(List.of());
    private boolean mayMentionAll;
    private final ObservableList<Member> matches = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final Map<Long, String> picked = new LinkedHashMap<>();
    private int atIndex = -1;
    private int caret;
    /** The composer's text and caret at the last edit, looked at again when the members arrive. */
    private String lastText = "";

    private int lastCaret;
    /** Asked when an "@" is typed while there are no members to offer (their reading failed: it is tried again). */
    private Runnable membersWanted = () -> {};

    /** {@code allName}, {@code allHint}: the translated name of the "@All" entry ("所有人") and its second line. */
    MentionPicker(long self, String allName, String allHint) {
        this.self = self;
        this.all = new Member(ALL, allName, allHint);
    }

    /**
     * The members that can be mentioned (everyone but the user) and how to search them; the "@All" entry is offered
     * first when the user is the owner or an admin.
     */
    void setMembers(List<Member> others, MemberSearch search, boolean mayMentionAll) {
        this.members = others.stream().filter(m -> m.userId() != self).toList();
        this.search = search;
        this.mayMentionAll = mayMentionAll;
        edited(lastText, lastCaret); // an "@" typed while the members were loading opens the popup now
    }

    /** {@code wanted}: runs when an "@" is typed while no members are known (see {@link Composer#loadMembers}). */
    void onMembersWanted(Runnable wanted) {
        this.membersWanted = wanted;
    }

    public ObservableList<Member> matches() {
        return matches;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Called when the composer's text or caret moves: opens, filters or closes the popup. */
    public void edited(String text, int caretAt) {
        lastText = text;
        lastCaret = caretAt;
        int at = caretAt > text.length() ? -1 : tokenStart(text, caretAt);
        if (at >= 0 && members.isEmpty()) {
            membersWanted.run();
        }
        if (at < 0 || members.isEmpty()) {
            close();
            return;
        }
        String query = text.substring(at + 1, caretAt).toLowerCase(Locale.ROOT);
        List<Member> found = new ArrayList<>();
        if (mayMentionAll && offersAll(query)) {
            found.add(all);
        }
        search.search(query).stream().filter(m -> m.userId() != self).forEach(found::add);
        if (found.isEmpty()) {
            close();
            return;
        }
        atIndex = at;
        caret = caretAt;
        matches.setAll(found);
        selected.set(0);
        open.set(true);
    }

    private boolean offersAll(String query) {
        return query.isEmpty()
                || all.name().toLowerCase(Locale.ROOT).startsWith(query)
                || ALL_WORDS.stream().anyMatch(w -> w.startsWith(query));
    }

    /** Where the "@" of the word ending at {@code caretAt} is; -1 when that word is no mention. */
    private static int tokenStart(String text, int caretAt) {
        for (int i = caretAt - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '@') {
                return i == 0 || Character.isWhitespace(text.charAt(i - 1)) ? i : -1;
            }
            if (Character.isWhitespace(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** Moves the selection by {@code delta} (Up: -1, Down: +1), wrapping around. */
    public void move(int delta) {
        if (open.get()) {
            selected.set(Math.floorMod(selected.get() + delta, matches.size()));
        }
    }

    public void close() {
        open.set(false);
        atIndex = -1;
        matches.clear();
        selected.set(-1);
    }

    /**
     * Replaces the "@query" in {@code text} with "@Name " of the match at {@code index} and remembers the member;
     * null when the popup is closed or the text no longer fits.
     */
    @Nullable
    Insertion pick(String text, int index) {
        if (!open.get() || index < 0 || index >= matches.size() || caret > text.length()) {
            return null;
        }
        Member m = matches.get(index);
        String inserted = "@" + m.name() + " ";
        picked.put(m.userId(), m.name());
        String next = text.substring(0, atIndex) + inserted + text.substring(caret);
        int newCaret = atIndex + inserted.length();
        close();
        return new Insertion(next, newCaret);
    }

    /** The picked members whose "@Name" is still in {@code text}, in the order they were picked. */
    List<Long> mentionsIn(String text) {
        return picked.entrySet().stream()
                .filter(e -> e.getKey() != ALL && text.contains("@" + e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Whether "@All" was picked and is still in {@code text}. */
    boolean mentionsAllIn(String text) {
        return mayMentionAll && picked.containsKey(ALL) && text.contains("@" + all.name());
    }

    /** Forgets the picks (after a send). */
    void clearPicked() {
        picked.clear();
    }
}
