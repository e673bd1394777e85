package im.magpie.desktop.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmojiPickerViewModelTest {
    final EmojiCatalog catalog = EmojiCatalog.bundled();
    final EmojiRecents recents = new EmojiRecents();
    final List<String> inserted = new ArrayList<>();
    final EmojiPickerViewModel vm = new EmojiPickerViewModel(catalog, recents, inserted::add);

    @Test
    void startsOnTheFirstCategoryWhileNothingWasPicked() {
        assertThat(vm.categories()).first().isEqualTo("smileys");
        assertThat(vm.categoryProperty().get()).isEqualTo("smileys");
        assertThat(vm.shown()).isEqualTo(catalog.in("smileys"));

        vm.select("food");

        assertThat(vm.shown()).isEqualTo(catalog.in("food"));
        assertThat(vm.icon("food")).isEqualTo(catalog.in("food").get(0));
    }

    @Test
    void pickingInsertsTheEmojiAndPutsItFirstAmongTheRecentOnes() {
        EmojiCatalog.Emoji grin = catalog.in("smileys").get(0);
        EmojiCatalog.Emoji thumb = catalog.find("👍").orElseThrow();

        vm.pick(grin);
        vm.pick(thumb);
        vm.pick(grin);

        assertThat(inserted).containsExactly("😀", "👍", "😀");
        vm.open();
        assertThat(vm.categories()).first().isEqualTo(EmojiPickerViewModel.RECENT);
        assertThat(vm.categoryProperty().get()).isEqualTo(EmojiPickerViewModel.RECENT);
        assertThat(vm.shown()).containsExactly(grin, thumb);
    }

    @Test
    void keepsOnlyTheNewestRecentOnes() {
        List<EmojiCatalog.Emoji> smileys = catalog.in("smileys");
        for (int i = 0; i < EmojiRecents.MAX + 5; i++) {
            vm.pick(smileys.get(i));
        }
        assertThat(recents.list()).hasSize(EmojiRecents.MAX);
        assertThat(recents.list().get(0))
                .isEqualTo(smileys.get(EmojiRecents.MAX + 4).text());
    }
}
