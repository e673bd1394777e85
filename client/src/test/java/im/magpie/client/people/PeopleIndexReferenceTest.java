package im.magpie.client.people;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.PersonRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index's postings and early stops change nothing: for generated people and many queries and page sizes, a search
 * returns exactly what ranking every person in name order returns.
 */
class PeopleIndexReferenceTest {
    static final PinyinTable PINYIN = PinyinTable.load();

    @Test
    void everySearchEqualsRankingEveryone() {
        Random random = new Random(7);
        List<PersonRecord> people = new ArrayList<>(PeopleSearchMeasurement.generate(3_000, random));
        people.add(new PersonRecord(90_001, "e", "额", ""));
        people.add(new PersonRecord(90_002, "x.y", "·小明·", ""));
        PeopleIndex index = PeopleIndex.of(people, PINYIN);
        List<SearchKeys> inOrder = new ArrayList<>();
        Map<String, SearchKeys.Unit> words = new HashMap<>();
        for (PersonRecord p : index.all()) {
            inOrder.add(new SearchKeys(p, PINYIN, words));
        }
        List<String> queries = new ArrayList<>(List.of(
                "z",
                "w",
                "e",
                "zh",
                "zw",
                "wjg",
                "zhang",
                "zhangw",
                "liuy",
                "jie",
                "xiaom",
                "xm",
                "user1",
                "user12",
                "ton",
                "tonyw",
                "王",
                "张伟",
                "李s",
                "zzzz",
                "小明",
                "·",
                "xy",
                "x.y",
                "u",
                "us",
                "user",
                "user29",
                "user2999",
                "ser",
                "er1",
                "r12",
                "1",
                "29"));
        for (int i = 0; i < 300; i++) {
            SearchKeys p = inOrder.get(random.nextInt(inOrder.size()));
            String source = switch (random.nextInt(3)) {
                case 0 -> p.name;
                case 1 -> p.account;
                default -> p.sortKey();
            };
            int from = random.nextInt(source.length());
            int to = Math.min(source.length(), from + 1 + random.nextInt(6));
            queries.add(source.substring(from, to));
        }
        for (String q : queries) {
            for (int limit : new int[] {1, 5, 50, 10_000}) {
                assertThat(index.search(q, limit))
                        .as("%s, limit %d", q, limit)
                        .isEqualTo(reference(inOrder, SearchKeys.compact(q), limit));
            }
        }
    }

    private static List<PersonRecord> reference(List<SearchKeys> inOrder, String q, int limit) {
        List<PersonRecord> whole = new ArrayList<>();
        List<PersonRecord> fromStart = new ArrayList<>();
        List<PersonRecord> inside = new ArrayList<>();
        for (SearchKeys p : inOrder) {
            if (q.equals(p.name) || q.equals(p.account)) {
                whole.add(p.person);
            } else if (p.rank(q) == 1) {
                fromStart.add(p.person);
            } else if (p.rank(q) == 2) {
                inside.add(p.person);
            }
        }
        List<PersonRecord> out = new ArrayList<>(whole);
        out.addAll(fromStart);
        out.addAll(inside);
        return out.subList(0, Math.min(limit, out.size()));
    }
}
