package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationInfo;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.chat.TransferListener;
import im.magpie.desktop.notify.Incoming;
import im.magpie.desktop.notify.IncomingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auto-receive (F3) against a real server: one user sends files and a folder, the other's backend saves them into its
 * download folder without any chat being open, also after being offline, and nothing while the setting is off.
 */
@Tag("integration")
class AutoReceiveIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final BackendServer server = new BackendServer("zhangwei", "lina", "wangbo");

    /** Settings the test switches; the backend reads them at each arriving message. */
    static final class Switch implements ReceiveSettings {
        final Path folder;
        volatile boolean on = true;

        Switch(Path folder) {
            this.folder = folder;
        }

        @Override
        public Path downloadFolder() {
            return folder;
        }

        @Override
        public boolean autoReceive() {
            return on;
        }
    }

    static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesOfEveryConversationAreSavedWithoutOpeningAChatAlsoAfterBeingOffline() throws Exception {
        Path work = server.work();
        Path downloads = work.resolve("zw-downloads");
        Files.createDirectories(downloads);
        Files.writeString(downloads.resolve("报告.txt"), "an older report, not the one sent");
        Switch settings = new Switch(downloads);
        Path tree = Files.createDirectories(work.resolve("send/设计稿/图标"));
        Files.writeString(tree.resolve("logo.svg"), "<svg/>");
        Files.writeString(work.resolve("send/设计稿/说明.md"), "# 说明\n");
        Files.writeString(work.resolve("send/报告.txt"), "周报：本周完成自动接收");
        Files.writeString(work.resolve("send/离线.txt"), "sent while zhangwei was offline");
        Files.writeString(work.resolve("send/关闭时.txt"), "sent while auto-receive was off");
        Files.writeString(work.resolve("send/再开.txt"), "sent after it was on again");

        Map<String, Path> told = new ConcurrentHashMap<>();
        long directId;
        long group;
        long reportSeq;
        long folderSeq;
        try (ClientBackend lina = server.login("lina");
                ClientBackend zhang = server.login("zhangwei", settings)) {
            zhang.notifications().addIncomingListener(new IncomingListener() {
                @Override
                public void arrived(List<Incoming> messages) {}

                @Override
                public void saved(Incoming m, Path path) {
                    told.put(path.getFileName().toString(), path);
                }
            });
            ConversationInfo direct = lina.openDirect("zhangwei").get(20, TimeUnit.SECONDS);
            directId = direct.id();
            group = lina.groups()
                    .createGroup("设计评审", List.of("zhangwei", "wangbo"))
                    .get(20, TimeUnit.SECONDS);

            lina.sendFile(direct.id(), work.resolve("send/报告.txt"), false, TransferListener.NONE)
                    .get(20, TimeUnit.SECONDS);
            lina.sendFile(group, work.resolve("send/设计稿"), true, TransferListener.NONE)
                    .get(20, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> names(downloads).containsAll(List.of("报告 (1).txt", "设计稿")));
            assertThat(downloads.resolve("报告 (1).txt")).hasContent("周报：本周完成自动接收");
            assertThat(downloads.resolve("报告.txt")).hasContent("an older report, not the one sent");
            assertThat(downloads.resolve("设计稿/图标/logo.svg")).hasContent("<svg/>");
            assertThat(downloads.resolve("设计稿/说明.md")).hasContent("# 说明");
            // the folder was put together out of sight and moved into place whole
            assertThat(names(downloads)).noneMatch(n -> n.startsWith("."));
            await().atMost(WAIT).until(() -> told.keySet().containsAll(List.of("报告 (1).txt", "设计稿")));

            // an opened chat finds the file saved, to offer "open"
            Message report = newestFile(zhang, direct.id());
            reportSeq = report.seq();
            folderSeq = newestFile(zhang, group).seq();
            assertThat(zhang.autoReceived(direct.id(), report.seq(), TransferListener.NONE))
                    .hasValueSatisfying(f -> assertThat(f.join()).isEqualTo(downloads.resolve("报告 (1).txt")));

            settings.on = false;
            lina.sendFile(direct.id(), work.resolve("send/关闭时.txt"), false, TransferListener.NONE)
                    .get(20, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> newestFile(zhang, direct.id()).seq() > report.seq());
            Message whileOff = newestFile(zhang, direct.id());
            assertThat(zhang.autoReceived(direct.id(), whileOff.seq(), TransferListener.NONE))
                    .isEmpty();
            settings.on = true;
            lina.sendFile(group, work.resolve("send/再开.txt"), false, TransferListener.NONE)
                    .get(20, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> names(downloads).contains("再开.txt"));
            assertThat(names(downloads)).containsExactlyInAnyOrder("报告 (1).txt", "报告.txt", "再开.txt", "设计稿");
        }

        // zhangwei's client is closed; lina sends; at the next start the file arrives by itself
        try (ClientBackend lina = server.resume("lina")) {
            ConversationInfo direct = lina.openDirect("zhangwei").get(20, TimeUnit.SECONDS);
            lina.sendFile(direct.id(), work.resolve("send/离线.txt"), false, TransferListener.NONE)
                    .get(20, TimeUnit.SECONDS);
        }
        try (ClientBackend zhang = server.resume("zhangwei", settings)) {
            await().atMost(WAIT).until(() -> names(downloads).containsAll(List.of("离线.txt", "关闭时.txt")));
            assertThat(downloads.resolve("离线.txt")).hasContent("sent while zhangwei was offline");
            // the file sent while the setting was off is still unread: with it on now, the start takes it too;
            // what the first run saved (all still unread) is found in the folder and not saved again
            await().atMost(WAIT)
                    .until(() -> zhang.autoReceived(directId, reportSeq, TransferListener.NONE)
                            .map(CompletableFuture::isDone)
                            .orElse(false));
            await().atMost(WAIT)
                    .until(() -> zhang.autoReceived(group, folderSeq, TransferListener.NONE)
                            .map(CompletableFuture::isDone)
                            .orElse(false));
            assertThat(zhang.autoReceived(directId, reportSeq, TransferListener.NONE)
                            .orElseThrow()
                            .join())
                    .isEqualTo(downloads.resolve("报告 (1).txt"));
            assertThat(names(downloads))
                    .containsExactlyInAnyOrder("关闭时.txt", "报告 (1).txt", "报告.txt", "再开.txt", "离线.txt", "设计稿");
        }
    }

    static Message newestFile(ClientBackend backend, long conversation) throws Exception {
        List<Message> page = backend.messages(conversation, Long.MAX_VALUE, 50).get(20, TimeUnit.SECONDS);
        return page.stream()
                .filter(m -> m.content() instanceof Content.File || m.content() instanceof Content.Folder)
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
