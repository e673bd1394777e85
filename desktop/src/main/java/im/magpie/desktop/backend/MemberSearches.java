package im.magpie.desktop.backend;

import im.magpie.client.people.PeopleIndex;
import im.magpie.client.people.PinyinTable;
import im.magpie.client.store.PersonRecord;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The chat's member search over the client library's people index: name, account, full pinyin, initials. */
final class MemberSearches {
    private MemberSearches() {}

    /** Builds the index of {@code members} once with {@code pinyin}; a blank query lists them in their own order. */
    static MemberSearch pinyin(List<Member> members, PinyinTable pinyin) {
        Map<Long, Member> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.putIfAbsent(m.userId(), m));
        PeopleIndex index = PeopleIndex.of(
                members.stream()
                        .map(m -> new PersonRecord(m.userId(), m.account(), m.name(), ""))
                        .toList(),
                pinyin);
        List<Member> all = List.copyOf(byId.values());
        return query -> query.isBlank()
                ? all
                : index.search(query, all.size()).stream()
                        .map(p -> byId.get(p.userId()))
                        .filter(Objects::nonNull)
                        .toList();
    }
}
