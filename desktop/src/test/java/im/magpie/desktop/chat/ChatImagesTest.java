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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pictures in the chat view-model: automatic download, sent pictures, the composer's attachment. */
class ChatImagesTest {
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
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, 0, 0, 0);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, receive);
    }

    private Message image(long seq, long sender, long size, String clientId) {
        return new Message(
                CONV, seq, sender, NOW.toEpochMilli(), new Content.Image("p" + seq + ".png", size), false, clientId);
    }

    @Test
    void smallReceivedPicturesAreDownloadedOnceAndShownLargeOnesAreNot() {
        history.add(image(1, LINA, 200_000, ""));
        history.add(image(2, LINA, ChatViewModel.AUTO_IMAGE_BYTES + 1, ""));
        history.add(image(3, LINA, 10, ""));
        port.images.put(1L, Path.of("/cache/a.png"));

        vm.start();

        assertThat(port.imagesAsked).containsExactly(1L, 3L);
        assertThat(vm.items().get(0).localFile()).isEqualTo(Path.of("/cache/a.png"));
        assertThat(vm.items().get(1).localFile()).isNull();
        assertThat(vm.items().get(2).localFile()).isNull(); // its download failed: shown as a placeholder

        // a reload (new messages) neither asks again nor forgets the picture
        history.add(FakeChatPort.text(CONV, 4, LINA, NOW.toEpochMilli(), "hi"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(port.imagesAsked).containsExactly(1L, 3L);
        assertThat(vm.items().get(0).localFile()).isEqualTo(Path.of("/cache/a.png"));
        assertThat(words.preview(new Content.Image("x.png", 1), false, "李娜", true))
                .isEqualTo("李娜: [Image]");
    }

    @Test
    void aSentPictureShowsTheLocalFileBeforeAndAfterTheServerHasIt() {
        Path photo = Path.of("/home/zw/照片.JPG");
        vm.start();
        vm.sendPath(photo, false);
        MessageItem uploading = vm.items().get(0);
        assertThat(uploading.content()).isEqualTo(new Content.Image("照片.JPG", 0));
        assertThat(uploading.localFile()).isEqualTo(photo);

        port.nextFileResult.complete("cid-1");
        history.add(image(1, ME, 5000, "cid-1"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        assertThat(vm.items()).hasSize(1);
        assertThat(vm.items().get(0).seq()).isEqualTo(1);
        assertThat(vm.items().get(0).localFile()).isEqualTo(photo);
        assertThat(port.imagesAsked).isEmpty();
    }

    @Test
    void anAttachedPictureGoesOutWithSendBeforeTheText() {
        vm.start();
        assertThat(vm.canSendBinding().get()).isFalse();
        Path pasted = Path.of("/tmp/magpie-image1/image-20260504-093000.png");

        vm.attach(pasted);
        assertThat(vm.canSendBinding().get()).isTrue();
        vm.draftProperty().set("看这个");
        vm.send();

        assertThat(port.sentPaths).containsExactly(pasted);
        assertThat(port.sentTexts).containsExactly("看这个");
        assertThat(vm.attachmentProperty().get()).isNull();
        assertThat(vm.items())
                .extracting(MessageItem::content)
                .containsExactly(new Content.Image("image-20260504-093000.png", 0), new Content.Text("看这个"));

        vm.attach(pasted);
        vm.clearAttachment();
        assertThat(vm.canSendBinding().get()).isFalse();
    }
}
