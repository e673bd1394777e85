package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds conversations by name as the contacts section finds people: a direct chat's partner or a group's title by
 * text, full pinyin and pinyin initials, mixed freely ("zw" and "zhangwei" find 张伟, "cpyf" finds 产品研发组). It is the
 * client library's people search over the conversation names ({@link ChatPort#memberSearch}), built again only when the
 * names changed; FX thread.
 */
public final class ConversationSearch {
    private final Function<List<Member>, MemberSearch> index;
    private List<Member> indexed = List.of();
    private MemberSearch names = MemberSearch.plain(List.of());

    /** {@code index}: builds the people search over names ({@link ChatPort#memberSearch}). */
    public ConversationSearch(Function<List<Member>, MemberSearch> index) {
        this.index = index;
    }

    /** The ids of the rows whose name matches {@code query}; a blank query matches every row. */
    public Set<Long> matching(List<ConversationRow> rows, String query) {
        List<Member> now = new ArrayList<>(rows.size());
        rows.forEach(r -> now.add(new Member(r.id(), r.name(), "")));
        if (!now.equals(indexed)) {
            indexed = List.copyOf(now);
            names = index.apply(indexed);
        }
        Set<Long> ids = new HashSet<>();
        names.search(query.strip()).forEach(m -> ids.add(m.userId()));
        return ids;
    }
}
