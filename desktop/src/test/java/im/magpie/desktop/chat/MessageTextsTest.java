package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageTextsTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-05-04T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void linksAreFoundAndEndBeforeChinesePunctuation() {
        assertThat(Links.split("材料放在 https://wiki.example.com/q3-review，有问题找我"))
                .containsExactly(
                        new Links.Run("材料放在 ", false),
                        new Links.Run("https://wiki.example.com/q3-review", true),
                        new Links.Run("，有问题找我", false));
        assertThat(Links.split("see http://a.b/c."))
                .containsExactly(
                        new Links.Run("see ", false), new Links.Run("http://a.b/c", true), new Links.Run(".", false));
        assertThat(Links.split("no link")).containsExactly(new Links.Run("no link", false));
    }

    @Test
    void initialsFollowChineseAndWesternHabits() {
        assertThat(MessageTexts.initials("张伟")).isEqualTo("张伟");
        assertThat(MessageTexts.initials("欧阳娜娜")).isEqualTo("娜娜");
        assertThat(MessageTexts.initials("Emma Clarke")).isEqualTo("EC");
        assertThat(MessageTexts.initials("bob")).isEqualTo("B");
        assertThat(MessageTexts.initials(" ")).isEqualTo("?");
    }

    @Test
    void sizesAndTimesReadNaturally() {
        assertThat(MessageTexts.size(512)).isEqualTo("512 B");
        assertThat(MessageTexts.size(1536)).isEqualTo("1.5 KB");
        assertThat(MessageTexts.size(250L * 1024 * 1024)).isEqualTo("250 MB");
        MessageTexts zh = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        long now = clock.millis();
        assertThat(zh.listTime(now - 3_600_000)).isEqualTo("08:30");
        assertThat(zh.listTime(now - 86_400_000)).isEqualTo("昨天");
        assertThat(zh.listTime(now - 3 * 86_400_000L)).isEqualTo("5月1日");
        assertThat(new MessageTexts(new Texts(Locale.ENGLISH), clock).listTime(now - 3 * 86_400_000L))
                .isEqualTo("May 1");
    }

    @Test
    void previewsNameFilesAndRecallsAndShortenLongText() {
        MessageTexts en = new MessageTexts(new Texts(Locale.ENGLISH), clock);
        assertThat(en.preview(new Content.File("a.pdf", 3), false, "Lina", false))
                .isEqualTo("[File] a.pdf");
        assertThat(en.preview(new Content.Text("hi\n  there"), false, "Lina", true))
                .isEqualTo("Lina: hi there");
        assertThat(en.preview(new Content.Text(""), true, "Lina", true)).isEqualTo("Lina recalled a message");
        assertThat(en.preview(new Content.Text("x".repeat(100)), false, "L", false))
                .hasSize(MessageTexts.PREVIEW_CHARS + 1);
        String emoji = "a" + "😀".repeat(80); // the cut falls between the halves of an emoji unless counted
        assertThat(en.preview(new Content.Text(emoji), false, "L", false))
                .isEqualTo("a" + "😀".repeat(MessageTexts.PREVIEW_CHARS - 1) + "…");
        assertThat(en.preview(new Content.Notice("created", "Team"), false, "Lina", true))
                .isEqualTo("Lina created the group \"Team\"");
    }
}
