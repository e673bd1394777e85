package im.magpie.desktop.emoji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmojiCatalogTest {
    final EmojiCatalog catalog = EmojiCatalog.bundled();

    @Test
    void bundlesAFewHundredEmojiInThePickersCategoriesEachWithItsImage() {
        assertThat(catalog.categories())
                .containsExactly("smileys", "gestures", "nature", "food", "activities", "objects", "symbols");
        int total = catalog.categories().stream()
                .mapToInt(c -> catalog.in(c).size())
                .sum();
        assertThat(total).isBetween(300, 800);
        for (String c : catalog.categories()) {
            for (EmojiCatalog.Emoji e : catalog.in(c)) {
                assertThat(EmojiCatalog.class.getResource(EmojiCatalog.resource(e)))
                        .as(e.name())
                        .isNotNull();
            }
        }
        assertThat(catalog.in("smileys").get(0).text()).isEqualTo("😀");
        assertThat(EmojiCatalog.class.getResource("/im/magpie/desktop/emoji/LICENSE"))
                .isNotNull();
    }

    @Test
    void everyOtherEmojiHasAnImageTooButIsNotOfferedByThePicker() {
        for (String text : List.of("🏢", "🚗", "✈️", "🚀", "🇨🇳", "👨‍💻", "🏠", "📌")) {
            EmojiCatalog.Emoji e = catalog.find(text).orElseThrow(() -> new AssertionError(text));
            assertThat(EmojiCatalog.class.getResource(EmojiCatalog.resource(e)))
                    .as(text)
                    .isNotNull();
        }
        assertThat(catalog.in(EmojiCatalog.NOT_IN_PICKER)).hasSizeGreaterThan(1000);
        assertThat(catalog.categories()).doesNotContain(EmojiCatalog.NOT_IN_PICKER);
        assertThat(catalog.split("3 楼🏢会议室")).extracting(EmojiCatalog.Run::text).containsExactly("3 楼", "🏢", "会议室");
        assertThat(catalog.split("去🇨🇳出差")).extracting(EmojiCatalog.Run::text).containsExactly("去", "🇨🇳", "出差");
    }

    @Test
    void splitsTextIntoPlainRunsAndEmoji() {
        List<EmojiCatalog.Run> runs = catalog.split("好的👍谢谢😀!");

        assertThat(runs).extracting(EmojiCatalog.Run::text).containsExactly("好的", "👍", "谢谢", "😀", "!");
        assertThat(runs.get(1).emoji()).isNotNull();
        assertThat(name(runs.get(1))).isEqualTo("+1");
        assertThat(runs.get(0).emoji()).isNull();
    }

    @Test
    void prefersTheLongestSequenceAndAbsorbsSelectorsAndSkinTones() {
        // heart on fire = heart + FE0F + ZWJ + fire: one image, not a heart and a fire
        List<EmojiCatalog.Run> fire = catalog.split("❤️‍🔥");
        assertThat(fire).hasSize(1);
        assertThat(name(fire.get(0))).isEqualTo("heart_on_fire");
        // the heart typed without its variation selector still finds its image
        assertThat(name(catalog.split("a❤b").get(1))).isEqualTo("heart");
        // a skin tone modifier stays with the thumb (images have no skin tones)
        List<EmojiCatalog.Run> thumb = catalog.split("👍🏽ok");
        assertThat(thumb).extracting(EmojiCatalog.Run::text).containsExactly("👍🏽", "ok");
    }

    @Test
    void leavesTextWithoutEmojiAndUnknownSymbolsAlone() {
        assertThat(catalog.split("no emoji — 没有表情 © 2026"))
                .singleElement()
                .satisfies(r -> assertThat(r.emoji()).isNull());
        assertThat(catalog.split("")).isEmpty();
        // with the emoji variation selector the same symbol is an emoji
        assertThat(name(catalog.split("©\uFE0F").get(0))).isEqualTo("copyright");
        assertThat(catalog.split("1️⃣"))
                .singleElement()
                .satisfies(r -> assertThat(r.emoji()).isNull());
    }

    @Test
    void recognisesMessagesOfOnlyAFewEmoji() {
        assertThat(catalog.onlyEmoji(" 😀👍 ", 3)).isTrue();
        assertThat(catalog.onlyEmoji("😀😀😀😀", 3)).isFalse();
        assertThat(catalog.onlyEmoji("ok 👍", 3)).isFalse();
        assertThat(catalog.onlyEmoji("", 3)).isFalse();
    }

    @Test
    void refusesAMalformedTable() {
        assertThatThrownBy(() -> EmojiCatalog.parse(List.of("smileys\t1F600")))
                .isInstanceOf(IllegalArgumentException.class);
        EmojiCatalog small = EmojiCatalog.parse(List.of("# header", "", "x\t1F600\t\tgrinning"));
        assertThat(small.categories()).containsExactly("x");
    }

    private static String name(EmojiCatalog.Run run) {
        return java.util.Objects.requireNonNull(run.emoji()).name();
    }
}
