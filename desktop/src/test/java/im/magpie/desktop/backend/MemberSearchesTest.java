package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.people.PinyinTable;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.ConversationSearch;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberSearch;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberSearchesTest {
    static final PinyinTable PINYIN = PinyinTable.load();

    final MemberSearch search = MemberSearches.pinyin(
            List.of(
                    new Member(2, "张伟", "zhangwei"),
                    new Member(3, "王芳", "wangfang"),
                    new Member(4, "张小伟", "xiaowei"),
                    new Member(5, "Lisa Chen", "lisa")),
            PINYIN);

    @Test
    void findsMembersByInitialsFullPinyinNameAndAccount() {
        assertThat(names("zw")).startsWith("张伟");
        assertThat(names("wangf")).containsExactly("王芳");
        assertThat(names("张")).containsExactlyInAnyOrder("张伟", "张小伟");
        assertThat(names("lisa")).containsExactly("Lisa Chen");
        assertThat(names("nobody")).isEmpty();
    }

    @Test
    void aBlankQueryListsEveryoneInTheirOrder() {
        assertThat(names("")).containsExactly("张伟", "王芳", "张小伟", "Lisa Chen");
    }

    @Test
    void theConversationListFindsNamesAndGroupTitlesByPinyinTheSameWay() {
        List<ConversationRow> rows = List.of(
                row(10, ConversationKind.DIRECT, "张伟"),
                row(11, ConversationKind.GROUP, "产品研发组"),
                row(12, ConversationKind.GROUP, "Weekly sync"),
                row(13, ConversationKind.DIRECT, "王芳"));
        ConversationSearch conversations = new ConversationSearch(members -> MemberSearches.pinyin(members, PINYIN));

        assertThat(conversations.matching(rows, "zw")).containsExactly(10L);
        assertThat(conversations.matching(rows, "zhangwei")).containsExactly(10L);
        assertThat(conversations.matching(rows, "cpyf")).containsExactly(11L);
        assertThat(conversations.matching(rows, "chanpin")).containsExactly(11L);
        assertThat(conversations.matching(rows, "研发")).containsExactly(11L);
        assertThat(conversations.matching(rows, "weekly")).containsExactly(12L);
        assertThat(conversations.matching(rows, "xyz")).isEmpty();
    }

    private static ConversationRow row(long id, ConversationKind kind, String name) {
        return new ConversationRow(id, id, kind, name, "", "", "", 0, 0, 0, 0, 2, false, false);
    }

    private List<String> names(String query) {
        return search.search(query).stream().map(Member::name).toList();
    }
}
