package im.magpie.server.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void countsChineseCharactersAndEmojiAsTwoCells() {
        assertThat(Columns.width("alice")).isEqualTo(5);
        assertThat(Columns.width("Alice 王")).isEqualTo(8);
        assertThat(Columns.width("王芳")).isEqualTo(4);
        assertThat(Columns.width("👋")).isEqualTo(2);
        assertThat(Columns.width("ＡＢ")).isEqualTo(4); // full-width Latin
        assertThat(Columns.width("e\u0301")).isEqualTo(1); // e + combining acute
    }

    @Test
    void linesUpTheColumnAfterAChineseName() {
        List<Integer> widths = List.of(4, 10);
        String latin = Columns.row(widths, List.of("1", "Bob", "enabled"));
        String chinese = Columns.row(widths, List.of("2", "Bob 李大伟", "enabled"));
        assertThat(latin).isEqualTo("1    Bob        enabled");
        // "Bob 李大伟" is 10 cells wide (10 chars would be 7): the state starts in the same terminal column
        assertThat(Columns.width(chinese.substring(0, chinese.indexOf("enabled"))))
                .isEqualTo(latin.indexOf("enabled"));
    }

    @Test
    void keepsOneSpaceAfterAValueWiderThanItsColumn() {
        assertThat(Columns.row(List.of(3), List.of("王芳芳", "x"))).isEqualTo("王芳芳 x");
    }

    @Test
    void wantsAWidthForEveryColumnButTheLast() {
        assertThatThrownBy(() -> Columns.row(List.of(3, 3), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
