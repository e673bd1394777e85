package im.magpie.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    final ObservableList<ConversationRow> rows = FXCollections.observableArrayList();
    final LongProperty selected = new SimpleLongProperty(0);
    final AtomicInteger selfOpened = new AtomicInteger();
    final ShellViewModel vm = new ShellViewModel(rows, selected, selfOpened::incrementAndGet);

    static ConversationRow row(long id, ConversationKind kind, int unread) {
        return new ConversationRow(id, id, kind, "c" + id, "", "", "", 0, unread, 0, 0, 2);
    }

    @Test
    void mutedConversationsDoNotCountTowardsTheTotal() {
        ConversationRow muted =
                new ConversationRow(2, 2, ConversationKind.GROUP, "c2", "", "", "", 0, 7, 0, 0, 5, true, false);
        rows.setAll(row(1, ConversationKind.DIRECT, 3), muted);
        assertThat(vm.unreadTotalProperty().get()).isEqualTo(3);

        rows.setAll(muted);
        assertThat(vm.unreadTotalProperty().get()).isZero();
        assertThat(vm.badgeVisibleProperty().get()).isFalse();
    }

    @Test
    void sumsTheUnreadCountsOfEveryConversationAndCapsTheBadge() {
        assertThat(vm.badgeVisibleProperty().get()).isFalse();
        rows.setAll(row(1, ConversationKind.DIRECT, 3), row(2, ConversationKind.GROUP, 9));
        assertThat(vm.unreadTotalProperty().get()).isEqualTo(12);
        assertThat(vm.badgeTextProperty().get()).isEqualTo("12");
        assertThat(vm.badgeVisibleProperty().get()).isTrue();

        rows.add(row(3, ConversationKind.GROUP, 120));
        assertThat(vm.unreadTotalProperty().get()).isEqualTo(132);
        assertThat(vm.badgeTextProperty().get()).isEqualTo("99+");

        rows.setAll(row(1, ConversationKind.DIRECT, 0));
        assertThat(vm.badgeVisibleProperty().get()).isFalse();
    }

    @Test
    void theFileTransferEntryOpensTheSelfConversationAmongTheChats() {
        vm.show(ShellViewModel.SETTINGS);
        assertThat(vm.highlightedProperty().get()).isEqualTo(ShellViewModel.SETTINGS);

        vm.openFileTransfer();

        assertThat(selfOpened).hasValue(1);
        assertThat(vm.sectionProperty().get()).isEqualTo(ShellViewModel.CONVERSATIONS);
        // highlighted once the self conversation is the open one
        rows.setAll(row(1, ConversationKind.DIRECT, 0), row(7, ConversationKind.SELF, 0));
        selected.set(7);
        assertThat(vm.highlightedProperty().get()).isEqualTo(ShellViewModel.FILE_TRANSFER);
        selected.set(1);
        assertThat(vm.highlightedProperty().get()).isEqualTo(ShellViewModel.CONVERSATIONS);
    }

    @Test
    void openingAConversationFromAnotherSectionShowsTheChats() {
        rows.setAll(row(4, ConversationKind.DIRECT, 0));
        vm.show(ShellViewModel.CONTACTS);

        vm.openConversation(4);

        assertThat(vm.sectionProperty().get()).isEqualTo(ShellViewModel.CONVERSATIONS);
        assertThat(selected.get()).isEqualTo(4);
        assertThat(vm.highlightedProperty().get()).isEqualTo(ShellViewModel.CONVERSATIONS);
    }
}
