package im.magpie.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.server.account.UserId;
import im.magpie.server.files.UploadStatus;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.MessageFacts;
import im.magpie.server.messaging.OutgoingMessage;
import im.magpie.server.store.postgres.DatabaseSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the core with its own embedded PostgreSQL inside the data directory, writes a message and a
 * file that carry a unique marker, forces everything to disk, and scans every file under the data
 * directory (tables, WAL, logs, file store) for the marker. Then restarts on the same directory.
 */
@Tag("integration")
class EncryptionAtRestIT {
    @TempDir
    Path dataDir;

    @Test
    void noMessageTextOrFileContentIsStoredInClearAndDataSurvivesARestart() throws Exception {
        String marker = "MAGPIE-MARKER-" + UUID.randomUUID();
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        CoreSettings settings = CoreSettings.defaults(dataDir, null)
                .withDatabase(new DatabaseSettings.Embedded(0, 4))
                .withPasswordHashing(CoreFixture.CHEAP_HASHING);
        ConversationId direct;
        UserId bob;
        try (CoreComponents core = CoreComponents.start(settings, new CoreFixture.RecordingPublisher())) {
            UserId alice = CoreFixture.user(core, "alice");
            bob = CoreFixture.user(core, "bob");
            direct = core.conversations().openDirect(alice, bob).id();
            byte[] file = (marker + " in a file " + marker).getBytes(StandardCharsets.UTF_8);
            UploadStatus upload = core.files()
                    .begin(
                            alice,
                            new im.magpie.server.files.UploadSpec("a.txt", file.length, FilesIT.sha256(file), ""));
            upload = core.files().append(alice, upload.upload(), 0, new ByteArrayInputStream(file), file.length);
            assertThat(upload.complete()).isTrue();
            for (int i = 0; i < 3; i++) {
                core.messaging()
                        .send(
                                alice,
                                new OutgoingMessage(
                                        direct, new ClientMessageId(UUID.randomUUID()), markerBytes, MessageFacts.NONE))
                        .get(10, TimeUnit.SECONDS);
            }
            assertThat(MessagingIT.texts(
                            core.messaging().sync(bob, new byte[0], 100).entries()))
                    .containsOnly(marker)
                    .hasSize(3);
            try (Connection con = core.dataSource().getConnection();
                    Statement st = con.createStatement()) {
                for (String durable : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    try (ResultSet rs = st.executeQuery("SHOW " + durable)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(durable).isEqualTo("on");
                    }
                }
                try (ResultSet rs = st.executeQuery("SHOW log_statement")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("none");
                }
                st.execute("CHECKPOINT");
                st.execute("SELECT pg_switch_wal()");
            }
            assertThat(filesContaining(markerBytes)).isEmpty();
            assertThat(scannedFiles()).anyMatch(p -> p.toString().contains("pg_wal"));
        }
        assertThat(filesContaining(markerBytes)).isEmpty();

        try (CoreComponents again = CoreComponents.start(settings, new CoreFixture.RecordingPublisher())) {
            assertThat(MessagingIT.texts(
                            again.messaging().sync(bob, new byte[0], 100).entries()))
                    .containsOnly(marker)
                    .hasSize(3);
        }
    }

    private List<Path> scannedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> filesContaining(byte[] needle) throws IOException {
        List<Path> hits = new ArrayList<>();
        for (Path file : scannedFiles()) {
            if (contains(file, needle)) {
                hits.add(file);
            }
        }
        return hits;
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readAllBytes();
        }
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
