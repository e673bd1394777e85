package im.magpie.desktop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.scene.input.DragboardHelper;
import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.MainView;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.MessageItem;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.history.HistoryHit;
import im.magpie.desktop.history.HistoryQuery;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.login.FingerprintQuestion;
import im.magpie.server.TestServerExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two desktop clients in one JVM (each its own data directory, {@code MagpieClient}, {@link ClientBackend} and main
 * window on headless Monocle) against the real server in-process (TLS, embedded PostgreSQL). Zhang Wei types a text,
 * then drops an image and a folder onto the chat: the drop is a real {@link DragEvent} (drag over, then drop) with
 * a real {@link Dragboard} holding the files (its toolkit peer is {@link DropClipboard}), fired at the chat view and
 * handled by its own drag-and-drop handlers. Li Na sees all three, finds the text in
 * the history search and saves the folder, which arrives as the same tree (SHA-256 of every file).
 */
@Tag("integration")
@ExtendWith(ApplicationExtension.class)
class TwoDesktopsIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final double WIDTH = 640;
    static final FingerprintQuestion TRUST = (s, f) -> CompletableFuture.completedFuture(true);

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path work;

    @Nullable
    Desktop zhang;

    @Nullable
    Desktop lina;

    /** One desktop client: its backend, main window state and scene. */
    record Desktop(ClientBackend backend, MainViewModel vm, Scene scene) implements AutoCloseable {
        @Override
        public void close() {
            vm.dispose();
            backend.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        for (String a : List.of("zhangwei", "lina")) {
            server.createUser(a);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // side by side inside Monocle's 1280×800 headless screen (a window beyond it breaks its painter)
        stage.setX(0);
        zhang = open("zhangwei", stage);
        Stage second = new Stage();
        second.setX(WIDTH);
        lina = open("lina", second);
    }

    private Desktop open(String account, Stage stage) throws Exception {
        ClientBackend backend = new ClientBackend(Files.createDirectories(work.resolve(account)), null, "e2e");
        String address = "127.0.0.1:" + server.server().ports().discovery();
        backend.login(address, account, "secret-" + account, TRUST).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Clock clock = Clock.system(java.time.ZoneId.systemDefault());
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        MainViewModel vm = new MainViewModel(backend, words, Platform::runLater);
        MainView view = new MainView(
                vm,
                backend,
                words,
                clock,
                Platform::runLater,
                url -> {},
                ReceiveSettings.defaults(work.resolve(account + "-home")));
        Scene scene = new Scene(view.root(), WIDTH, 700);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setTitle(account);
        stage.setScene(scene);
        stage.show();
        vm.start();
        return new Desktop(backend, vm, scene);
    }

    @AfterEach
    void close() {
        Stream.of(zhang, lina).filter(Objects::nonNull).forEach(Desktop::close);
    }

    @Test
    void aTextAnImageAndADroppedFolderReachTheOtherDesktop(FxRobot robot) throws Exception {
        Desktop a = Objects.requireNonNull(zhang);
        Desktop b = Objects.requireNonNull(lina);
        Path image = image(work.resolve("图表.png"));
        Path folder = folder(work.resolve("季度资料"));

        robot.interact(() -> a.vm().newChat("lina"));
        Node input = await(() -> a.scene().lookup("#input"));
        // the keyboard goes to the focused window: Li Na's was shown last
        robot.interact(() -> {
            ((Stage) a.scene().getWindow()).toFront();
            a.scene().getWindow().requestFocus();
            input.requestFocus();
        });
        robot.clickOn(input).write("下午三点开会");
        robot.type(KeyCode.ENTER);
        drop(robot, a, List.of(image.toFile()));
        drop(robot, a, List.of(folder.toFile()));

        // Li Na: the conversation appears; opening it shows the three messages
        await(() -> b.vm().rows().isEmpty() ? null : b.vm().rows().get(0));
        robot.interact(
                () -> b.vm().selectedIdProperty().set(b.vm().rows().get(0).id()));
        List<MessageItem> seen = await(() -> "Zhang Wei's chat " + shown(a) + ", Li Na's " + shown(b), () -> {
            ListView<?> list = (ListView<?>) b.scene().lookup("#messages");
            if (list == null || list.getItems().size() < 3) {
                return null;
            }
            List<MessageItem> items =
                    list.getItems().stream().map(MessageItem.class::cast).toList();
            return items.stream().allMatch(i -> i.seq() > 0) ? items : null;
        });
        assertThat(seen)
                .extracting(MessageItem::content)
                .containsExactly(
                        new Content.Text("下午三点开会"),
                        new Content.Image("图表.png", Files.size(image)),
                        new Content.Folder("季度资料", 3, size(folder)));
        assertThat(seen).allSatisfy(i -> assertThat(i.mine()).isFalse());

        long conversation = b.vm().rows().get(0).id();
        long zhangId = a.backend().selfUserId();
        List<HistoryHit> found = b.backend()
                .history()
                .search(new HistoryQuery("开会", 0, zhangId, 0, Long.MAX_VALUE, Long.MAX_VALUE, 50))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .hits();
        assertThat(found).singleElement().satisfies(h -> {
            assertThat(h.conversationId()).isEqualTo(conversation);
            assertThat(h.seq()).isEqualTo(seen.get(0).seq());
            assertThat(h.text()).isEqualTo("下午三点开会");
        });

        Path saved = b.backend()
                .download(
                        conversation,
                        seen.get(2).seq(),
                        work.resolve("lina-downloads/季度资料"),
                        im.magpie.desktop.chat.TransferListener.NONE)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(hashes(saved)).isEqualTo(hashes(folder)).hasSize(3);
        Path savedImage = b.backend()
                .download(
                        conversation,
                        seen.get(1).seq(),
                        work.resolve("lina-downloads/图表.png"),
                        im.magpie.desktop.chat.TransferListener.NONE)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(savedImage).hasSameBinaryContentAs(image);
    }

    /** A drop of {@code files} onto the open chat: drag over, then drop, through the chat view's handlers. */
    private static void drop(FxRobot robot, Desktop d, List<java.io.File> files) {
        Node chat = await(() -> d.scene().lookup("#messages") == null ? null : chatRoot(d.scene()));
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new DropClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(files);
            board.setContent(content);
            DragEvent over = dragEvent(chat, DragEvent.DRAG_OVER, board);
            Event.fireEvent(chat, over);
            assertThat(over.isAccepted()).as("the chat accepts files").isTrue();
            DragEvent dropped = dragEvent(chat, DragEvent.DRAG_DROPPED, board);
            Event.fireEvent(chat, dropped);
            assertThat(dropped.isDropCompleted()).as("the chat took the drop").isTrue();
        });
    }

    private static DragEvent dragEvent(Node target, javafx.event.EventType<DragEvent> type, Dragboard board) {
        return new DragEvent(target, target, type, board, 10, 10, 10, 10, TransferMode.COPY, null, target, null);
    }

    /** The chat view's root: the ancestor of the message list that handles drops. */
    private static @Nullable Node chatRoot(Scene scene) {
        Node n = scene.lookup("#messages");
        while (n != null && n.getOnDragDropped() == null) {
            n = n.getParent();
        }
        return n;
    }

    /** Polls {@code probe} on the FX thread until it returns non-null. */
    static <T> T await(Callable<@Nullable T> probe) {
        return await(() -> "", probe);
    }

    /** Like {@link #await(Callable)}; on timeout the failure says what {@code state} shows then. */
    static <T> T await(Callable<String> state, Callable<@Nullable T> probe) {
        Object[] result = new Object[1];
        try {
            Awaitility.await().atMost(WAIT).until(() -> {
                result[0] = WaitForAsyncUtils.asyncFx(probe).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                return result[0] != null;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String shown;
            try {
                shown = WaitForAsyncUtils.asyncFx(state).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception unused) {
                shown = "(state unavailable)";
            }
            throw new AssertionError(e.getMessage() + " " + shown, e);
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** The rows of a desktop's open chat and its notice line, for failure messages. */
    static String shown(Desktop d) {
        ListView<?> list = (ListView<?>) d.scene().lookup("#messages");
        if (list == null) {
            return "(no chat open; conversations " + d.vm().rows() + ")";
        }
        Node notice = d.scene().lookup(".chat-notice");
        return list.getItems().stream()
                        .map(MessageItem.class::cast)
                        .map(i -> i.seq() + ":" + i.status() + ":" + i.content())
                        .toList()
                + (notice instanceof javafx.scene.control.Label l ? " notice=" + l.getText() : "");
    }

    static Path image(Path file) throws IOException {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 200; y++) {
                img.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | (x ^ y));
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static Path folder(Path root) throws IOException {
        Files.createDirectories(root.resolve("图表/2026"));
        Files.writeString(root.resolve("摘要.txt"), "第三季度摘要 summary");
        byte[] big = new byte[300_000];
        new Random(42).nextBytes(big);
        Files.write(root.resolve("图表/trend.bin"), big);
        Files.writeString(root.resolve("图表/2026/q3.csv"), "month,total\n7,120\n8,135\n");
        return root;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    /** Relative path → SHA-256 of every file below {@code dir}. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(digest));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return out;
    }
}
