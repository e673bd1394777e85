package im.magpie.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
    @Test
    void marksEveryOccurrenceOfEveryTermIgnoringCase() {
        assertThat(Highlights.fragments("明天开会，Meeting at 3, meet you", List.of("开会", "meet")))
                .containsExactly(
                        new Fragment("明天", false),
                        new Fragment("开会", true),
                        new Fragment("，", false),
                        new Fragment("Meet", true),
                        new Fragment("ing at 3, ", false),
                        new Fragment("meet", true),
                        new Fragment(" you", false));
    }

    @Test
    void noTermsOrNoMatchLeavesTheTextPlain() {
        assertThat(Highlights.fragments("午饭", List.of())).containsExactly(new Fragment("午饭", false));
        assertThat(Highlights.fragments("午饭", List.of("会"))).containsExactly(new Fragment("午饭", false));
    }

    @Test
    void longTextsAreCutAroundTheFirstMatch() {
        String text = "甲".repeat(300) + "季度报表" + "乙".repeat(300);
        List<Fragment> f = Highlights.fragments(text, List.of("报表"));
        assertThat(f.get(0)).isEqualTo(new Fragment("…", false));
        assertThat(f.get(f.size() - 1)).isEqualTo(new Fragment("…", false));
        assertThat(f).contains(new Fragment("报表", true));
        int shown = f.stream().mapToInt(x -> x.text().length()).sum() - 2;
        assertThat(shown).isEqualTo(Highlights.MAX_CHARS);
        String joined = f.stream().map(Fragment::text).reduce("", String::concat);
        assertThat(joined).contains("甲".repeat(Highlights.CONTEXT_BEFORE - 2) + "季度报表");
    }
}
