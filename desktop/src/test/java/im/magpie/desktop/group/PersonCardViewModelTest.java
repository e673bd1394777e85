package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PersonCardViewModelTest {
    final FakeGroupPort port = new FakeGroupPort(1);
    final List<Long> opened = new ArrayList<>();
    final PersonCardViewModel vm =
            new PersonCardViewModel(port, new Texts(Locale.SIMPLIFIED_CHINESE), Runnable::run, opened::add);

    @Test
    void showsThePersonWithPresenceWhileShownAndMessagesThem() {
        port.people.add(new Contact(2, "lina", "李娜", "出差中"));
        port.people.add(new Contact(3, "wangfang", "王芳", ""));
        port.presence.put(2L, Presence.AWAY);

        vm.show(2);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("李娜");
        assertThat(vm.accountProperty().get()).isEqualTo("lina");
        assertThat(vm.signatureProperty().get()).isEqualTo("出差中");
        assertThat(vm.departmentProperty().get()).isEqualTo("未设置");
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.AWAY);
        port.presenceChanged(2, Presence.ONLINE);
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.ONLINE);

        port.presence.put(3L, Presence.ONLINE);
        vm.show(3);
        assertThat(vm.signatureProperty().get()).isEqualTo("暂无签名");
        assertThat(port.watches).as("only the person shown is watched").containsOnlyKeys(3L);
        port.presenceChanged(2, Presence.OFFLINE);
        assertThat(vm.presenceProperty().get()).as("王芳's own state").isEqualTo(Presence.ONLINE);

        vm.message();
        assertThat(opened).containsExactly(1003L);
        vm.hide();
        assertThat(port.watches).isEmpty();
        assertThat(port.listeners).isEmpty();
    }
}
