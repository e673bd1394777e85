package im.magpie.desktop.chat;

import java.util.List;
import java.util.Locale;

/** A search over a group's members, as {@link ChatPort#memberSearch} builds it; called on the FX thread. */
@FunctionalInterface
public interface MemberSearch {
    /** The members matching {@code query}, best match first; a blank query lists them all in their order. */
    List<Member> search(String query);

    /** By name or account text only (no pinyin). */
    static MemberSearch plain(List<Member> members) {
        return query -> {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return members.stream().filter(m -> m.matches(q)).toList();
        };
    }
}
