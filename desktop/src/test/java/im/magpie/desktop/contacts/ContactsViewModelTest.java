package im.magpie.desktop.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsViewModelTest {
    static final Contact ME = new Contact(1, "zhangwei", "张伟", "");
    static final Contact LINA = new Contact(2, "lina", "李娜", "出差中，有事请留言");
    static final Contact WANG = new Contact(3, "wangfang", "王芳", "");

    final FakeContactsPort port = new FakeContactsPort(1);
    final List<Long> openedConversations = new ArrayList<>();
    final ContactsViewModel vm =
            new ContactsViewModel(port, new Texts(Locale.SIMPLIFIED_CHINESE), Runnable::run, openedConversations::add);

    @Test
    void showsTheCachedPeopleThenTheRefreshedDirectory() {
        port.people.addAll(List.of(ME, LINA));
        port.fromServer.addAll(List.of(ME, LINA, WANG));

        vm.start();

        assertThat(vm.shown()).containsExactly(ME, LINA, WANG);
        assertThat(vm.totalProperty().get()).isEqualTo(3);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aFailedRefreshKeepsTheSavedListAndSaysSo() {
        port.people.addAll(List.of(ME, LINA));
        port.refreshFails = true;

        vm.start();

        assertThat(vm.shown()).containsExactly(ME, LINA);
        assertThat(vm.errorProperty().get()).contains("无法从服务器更新通讯录");
    }

    @Test
    void frequentContactsShowTheMostUsedPeopleAndASearchGoesBackToEveryone() {
        port.people.addAll(List.of(ME, LINA, WANG));
        port.frequent.addAll(List.of(WANG, LINA));
        vm.start();

        vm.showFrequent();

        assertThat(vm.scopeProperty().get()).isEqualTo(ContactsViewModel.Scope.FREQUENT);
        assertThat(vm.shown()).containsExactly(WANG, LINA);
        vm.queryProperty().set("lina");
        assertThat(vm.scopeProperty().get()).isEqualTo(ContactsViewModel.Scope.ALL);
        assertThat(vm.shown()).containsExactly(LINA);
        vm.showFrequent();
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.shown()).containsExactly(WANG, LINA);
        vm.showAll();
        assertThat(vm.shown()).containsExactly(ME, LINA, WANG);
    }

    @Test
    void searchNarrowsTheListAndKeepsTheSelectionWhenItStillMatches() {
        port.people.addAll(List.of(ME, LINA, WANG));
        vm.start();
        vm.selectedProperty().set(LINA);

        vm.queryProperty().set("lina");

        assertThat(vm.shown()).containsExactly(LINA);
        assertThat(vm.selectedProperty().get()).isEqualTo(LINA);
        vm.queryProperty().set("wang");
        assertThat(vm.shown()).containsExactly(WANG);
        assertThat(vm.selectedProperty().get()).isNull();
        vm.queryProperty().set("");
        assertThat(vm.shown()).hasSize(3);
    }

    @Test
    void watchesPresenceOfTheShownPeopleAndFollowsChanges() {
        port.people.addAll(List.of(ME, LINA, WANG));
        port.presence.put(2L, Presence.ONLINE);

        vm.start();

        assertThat(port.watched.get(port.watched.size() - 1)).containsExactly(1L, 2L, 3L);
        assertThat(vm.presenceOf(2)).isEqualTo(Presence.ONLINE);
        assertThat(vm.presenceText(2)).isEqualTo("在线");
        assertThat(vm.presenceOf(3)).isEqualTo(Presence.OFFLINE);

        port.listeners.forEach(l -> l.accept(Map.of(3L, Presence.AWAY)));
        assertThat(vm.presenceText(3)).isEqualTo("离开");

        vm.dispose();
        assertThat(port.listeners).isEmpty();
    }

    @Test
    void messageOpensTheChatOfTheSelectedContact() {
        port.people.addAll(List.of(ME, LINA));
        vm.start();
        vm.message();
        assertThat(port.opened).isEmpty();

        vm.selectedProperty().set(LINA);
        vm.message();

        assertThat(port.opened).containsExactly(LINA);
        assertThat(openedConversations).containsExactly(102L);
        assertThat(vm.isSelf(ME)).isTrue();
        assertThat(vm.isSelf(LINA)).isFalse();

        port.openFails = true;
        vm.message();
        assertThat(vm.errorProperty().get()).isEqualTo("无法打开会话，请重试。");
        assertThat(openedConversations).hasSize(1);
    }
}
