package im.magpie.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    final FakeSettingsPort port = new FakeSettingsPort();
    final AtomicInteger signedOut = new AtomicInteger();

    SettingsViewModel vm() {
        SettingsViewModel vm = new SettingsViewModel(
                port,
                Preferences.load(dir, Path.of("/home/zhang")),
                new Texts(Locale.SIMPLIFIED_CHINESE),
                Runnable::run,
                signedOut::incrementAndGet);
        vm.start();
        return vm;
    }

    @Test
    void loadsTheProfileAndSavesTheSignature() {
        SettingsViewModel vm = vm();
        assertThat(vm.nameProperty().get()).isEqualTo("张伟");
        assertThat(vm.accountProperty().get()).isEqualTo("zhangwei");
        assertThat(vm.signatureProperty().get()).isEqualTo("在开会");
        assertThat(vm.signatureChanged()).isFalse();

        vm.signatureProperty().set("  出差中  ");
        assertThat(vm.signatureChanged()).isTrue();
        vm.saveSignature();

        assertThat(port.signatures).containsExactly("出差中");
        assertThat(vm.statusProperty().get()).isEqualTo("已保存");
        assertThat(vm.signatureProperty().get()).isEqualTo("出差中");
    }

    @Test
    void refusesATooLongOrMultiLineSignatureWithoutAskingTheServer() {
        SettingsViewModel vm = vm();
        vm.signatureProperty().set("长".repeat(101));
        vm.saveSignature();
        assertThat(vm.errorProperty().get()).isEqualTo("个性签名最多 100 个字，且只能一行。");
        vm.signatureProperty().set("两\n行");
        vm.saveSignature();
        assertThat(port.signatures).isEmpty();

        port.fail = true;
        vm.signatureProperty().set("ok");
        vm.saveSignature();
        assertThat(vm.errorProperty().get()).startsWith("个性签名保存失败");
    }

    @Test
    void logOutAndRemoveLocalDataReturnToLoginOnlyWhenDone() {
        SettingsViewModel vm = vm();
        vm.logout();
        assertThat(port.logouts).isEqualTo(1);
        assertThat(signedOut).hasValue(1);

        port.fail = true;
        vm.removeLocalData();
        assertThat(signedOut).hasValue(1);
        assertThat(vm.errorProperty().get()).startsWith("部分本地数据未能删除");
        assertThat(vm.busyProperty().get()).isFalse();

        port.fail = false;
        vm.removeLocalData();
        assertThat(port.removals).isEqualTo(1);
        assertThat(signedOut).hasValue(2);
    }

    @Test
    void theDownloadFolderMustBeAbsolute() {
        SettingsViewModel vm = vm();
        vm.setDownloadDir(Path.of("relative"));
        assertThat(vm.preferences().downloadDirProperty().get()).isEqualTo(Path.of("/home/zhang/Downloads/Magpie"));
        vm.setDownloadDir(Path.of("/data/files"));
        assertThat(vm.preferences().downloadDirProperty().get()).isEqualTo(Path.of("/data/files"));
    }
}
