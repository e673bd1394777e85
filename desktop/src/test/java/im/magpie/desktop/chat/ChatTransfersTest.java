package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File transfers in the chat view-model: progress, cancel, download folder, following what auto-receive saves. */
class ChatTransfersTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final FakeReceiveSettings receive = new FakeReceiveSettings();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.ENGLISH), clock);
    final List<Message> history = new ArrayList<>();
    ChatViewModel vm;

    @BeforeEach
    void setUp() {
        port.names.put(ME, "Zhang Wei");
        port.names.put(LINA, "李娜");
        port.messages.put(CONV, history);
        history.add(file(1, LINA, "old.pdf")); // read before this chat was opened
        history.add(file(2, LINA, "方案.pdf"));
        history.add(file(3, ME, "mine.pdf"));
        history.add(new Message(CONV, 4, LINA, NOW.toEpochMilli(), new Content.Folder("资料", 2, 3000), false, ""));
        history.add(new Message(CONV, 5, LINA, NOW.toEpochMilli(), new Content.Image("a.png", 30), false, ""));
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, 1, 5, 4);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, receive);
    }

    private static Message file(long seq, long sender, String name) {
        return new Message(CONV, seq, sender, NOW.toEpochMilli(), new Content.File(name, 2000), false, "");
    }

    private MessageItem row(long seq) {
        return vm.items().stream().filter(i -> i.seq() == seq).findFirst().orElseThrow();
    }

    @Test
    void anUploadShowsItsProgressUntilItIsDone() {
        vm.start();
        vm.sendPath(Path.of("/tmp/视频.mp4"), false);
        MessageItem uploading = vm.items().get(vm.items().size() - 1);
        TransferState t = Objects.requireNonNull(vm.transfer(uploading));
        assertThat(t.upload()).isTrue();
        assertThat(t.fractionProperty().get()).isEqualTo(-1);

        port.lastProgress.progress(512, 2048);
        assertThat(t.fractionProperty().get()).isEqualTo(0.25);
        assertThat(t.textProperty().get()).isEqualTo("512 B / 2.0 KB");

        port.nextFileResult.complete("cid-9");
        assertThat(vm.transfer(uploading)).isNull();
        assertThat(vm.items().get(vm.items().size() - 1).clientMessageId()).isEqualTo("cid-9");
    }

    @Test
    void cancellingAnUploadStopsItAndTakesTheRowAway() {
        vm.start();
        int before = vm.items().size();
        vm.sendPath(Path.of("/tmp/big.iso"), false);
        MessageItem uploading = vm.items().get(before);

        vm.cancelTransfer(uploading);

        assertThat(port.nextFileResult.isCancelled()).isTrue();
        assertThat(vm.items()).hasSize(before);
        assertThat(vm.noticeProperty().get()).isEqualTo("Transfer cancelled.");
        assertThat(vm.runningTransfers()).isEmpty();
    }

    @Test
    void downloadSavesIntoTheDownloadFolderAndThenOffersOpen() {
        CompletableFuture<Path> pending = new CompletableFuture<>();
        port.nextDownload = pending;
        vm.start();
        MessageItem plan = row(2);

        vm.receive(plan);
        vm.receive(plan); // a second click while it runs starts nothing

        assertThat(port.receivedInto).containsExactly(receive.folder);
        TransferState t = Objects.requireNonNull(vm.transfer(plan));
        assertThat(t.upload()).isFalse();
        port.lastProgress.progress(1000, 0); // the size comes from the message until the client knows it
        assertThat(t.fractionProperty().get()).isEqualTo(0.5);

        Path saved = receive.folder.resolve("方案.pdf");
        pending.complete(saved);
        assertThat(vm.transfer(plan)).isNull();
        assertThat(vm.savedFile(plan)).isEqualTo(saved);
        assertThat(vm.noticeProperty().get()).isEqualTo("Saved to " + saved);
    }

    @Test
    void cancellingADownloadKeepsNothingSaved() {
        CompletableFuture<Path> pending = new CompletableFuture<>();
        port.nextDownload = pending;
        vm.start();
        MessageItem plan = row(2);
        vm.save(plan, Path.of("/tmp/x.pdf"));

        vm.cancelTransfer(plan);

        assertThat(pending.isCancelled()).isTrue();
        assertThat(vm.transfer(plan)).isNull();
        assertThat(vm.savedFile(plan)).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo("Transfer cancelled.");
    }

    @Test
    void whatAutoReceiveSavedOffersOpenAndWhatItIsSavingShowsProgressAndCancels() {
        Path plan = receive.folder.resolve("方案.pdf");
        port.autoReceivedBySeq.put(2L, CompletableFuture.completedFuture(plan));
        CompletableFuture<Path> folder = new CompletableFuture<>();
        port.autoReceivedBySeq.put(4L, folder);
        vm.start();

        assertThat(vm.savedFile(row(2))).isEqualTo(plan);
        TransferState t = Objects.requireNonNull(vm.transfer(row(4)));
        Objects.requireNonNull(port.autoReceivedFollowers.get(4L)).progress(1500, 3000);
        assertThat(t.fractionProperty().get()).isEqualTo(0.5);
        assertThat(port.downloads).isEmpty(); // the chat starts nothing itself

        vm.cancelTransfer(row(4));
        assertThat(folder.isCancelled()).isTrue();
        assertThat(vm.transfer(row(4))).isNull();
        assertThat(vm.savedFile(row(4))).isNull();
    }

    @Test
    void aFileAutoReceivedWhileTheChatIsOpenIsFollowedUntilSaved() {
        vm.start();
        assertThat(vm.runningTransfers()).isEmpty();

        CompletableFuture<Path> arriving = new CompletableFuture<>();
        port.autoReceivedBySeq.put(6L, arriving);
        history.add(file(6, LINA, "new.docx"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(vm.transfer(row(6))).isNotNull();

        Path saved = receive.folder.resolve("new (1).docx");
        arriving.complete(saved);
        assertThat(vm.transfer(row(6))).isNull();
        assertThat(vm.savedFile(row(6))).isEqualTo(saved);
        assertThat(vm.noticeProperty().get()).isEqualTo("Saved to " + saved);
    }

    @Test
    void aChatOpenedAgainOffersOpenForWhatThisDeviceSavedOrSentFromHere() {
        Path plan = Path.of("/home/zw/Downloads/方案.pdf");
        Path mine = Path.of("/home/zw/work/mine.pdf");
        history.set(2, new Message(CONV, 3, ME, NOW.toEpochMilli(), new Content.File("mine.pdf", 2000), false, "m3"));
        port.savedFiles.put("s2", plan); // saved when the chat was open before
        port.savedFiles.put("cm3", mine); // sent from this device
        vm.start();

        assertThat(vm.savedFile(row(2))).isEqualTo(plan);
        assertThat(vm.savedFile(row(3))).isEqualTo(mine);
        assertThat(vm.savedFile(row(1))).isNull();
        assertThat(port.downloads).isEmpty();
    }

    @Test
    void myOwnFilesAndPicturesAreNotAskedFor() {
        port.autoReceivedBySeq.put(3L, CompletableFuture.completedFuture(Path.of("/x/mine.pdf")));
        port.autoReceivedBySeq.put(5L, CompletableFuture.completedFuture(Path.of("/x/a.png")));
        vm.start();
        assertThat(vm.savedFile(row(3))).isNull();
        assertThat(vm.savedFile(row(5))).isNull();
        assertThat(port.downloads).isEmpty();
    }
}
