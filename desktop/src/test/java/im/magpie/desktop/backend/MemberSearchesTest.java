package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberSearch;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberSearchesTest {
    final MemberSearch search = MemberSearches.pinyin(List.of(
            new Member(2, "张伟", "zhangwei"),
            new Member(3, "王芳", "wangfang"),
            new Member(4, "张小伟", "xiaowei"),
            new Member(5, "Lisa Chen", "lisa")));

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

    private List<String> names(String query) {
        return search.search(query).stream().map(Member::name).toList();
    }
}
