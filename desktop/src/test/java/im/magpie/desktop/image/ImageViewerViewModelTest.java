package im.magpie.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageViewerViewModelTest {
    final List<Path> saved = new ArrayList<>();
    final ImageViewerViewModel vm = new ImageViewerViewModel(Path.of("/c/a.png"), "a.png", saved::add);

    @Test
    void fitsUntilTheUserZoomsFromWhatIsShown() {
        assertThat(vm.fitProperty().get()).isTrue();
        vm.zoomIn(0.4); // fitted at 40 %
        assertThat(vm.fitProperty().get()).isFalse();
        assertThat(vm.zoomProperty().get()).isEqualTo(0.5);
        vm.zoomOut(0.5);
        assertThat(vm.zoomProperty().get()).isEqualTo(0.4);
        vm.actualSize();
        assertThat(vm.zoomProperty().get()).isEqualTo(1.0);
        vm.fitToWindow();
        assertThat(vm.fitProperty().get()).isTrue();
        assertThat(ImageViewerViewModel.percent(1.25)).isEqualTo("125%");
    }

    @Test
    void zoomStaysWithinItsLimits() {
        vm.zoomIn(7.9);
        assertThat(vm.zoomProperty().get()).isEqualTo(ImageViewerViewModel.MAX);
        vm.zoomOut(0.11);
        assertThat(vm.zoomProperty().get()).isEqualTo(ImageViewerViewModel.MIN);
    }

    @Test
    void savesThroughTheChat() {
        vm.save(Path.of("/home/x/a.png"));
        assertThat(saved).containsExactly(Path.of("/home/x/a.png"));
        assertThat(vm.name()).isEqualTo("a.png");
    }
}
