package im.magpie.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.magpie.server.account.UserId;
import im.magpie.server.files.EncryptedFileService;
import im.magpie.server.files.FileDownload;
import im.magpie.server.files.FileException;
import im.magpie.server.files.FileId;
import im.magpie.server.files.UploadSpec;
import im.magpie.server.files.UploadStatus;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.MessageFacts;
import im.magpie.server.messaging.OutgoingMessage;
import im.magpie.server.messaging.UnknownFileException;
import im.magpie.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class FilesIT {
    private static final int CHUNK = 100_000;

    @TempDir
    Path dataDir;

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = new MutableClock(Instant.now());
    private CoreComponents core;
    private UserId alice;
    private UserId bob;
    private UserId mallory;

    @BeforeEach
    void start() throws Exception {
        core = CoreFixture.start(dataDir, clock, new CoreFixture.RecordingPublisher());
        alice = CoreFixture.user(core, "alice");
        bob = CoreFixture.user(core, "bob");
        mallory = CoreFixture.user(core, "mallory");
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void uploadsInChunksResumesAndDownloadsFromAnOffset() throws Exception {
        byte[] content = bytes(250_000);
        UploadStatus begun = core.files().begin(alice, spec("report.pdf", content));
        assertThat(begun.received()).isZero();

        UploadStatus partial = append(alice, begun, 0, Arrays.copyOfRange(content, 0, CHUNK));
        assertThat(core.files().status(alice, begun.upload()).received()).isEqualTo(CHUNK);
        FileException mismatch = catchThrowableOfType(
                FileException.class, () -> append(alice, begun, 5, Arrays.copyOfRange(content, 5, 10)));
        assertThat(mismatch.reason()).isEqualTo(FileException.Reason.OFFSET_MISMATCH);
        assertThat(mismatch.expectedOffset()).isEqualTo(CHUNK);
        append(alice, begun, partial.received(), Arrays.copyOfRange(content, CHUNK, 2 * CHUNK));
        UploadStatus done = append(alice, begun, 2 * CHUNK, Arrays.copyOfRange(content, 2 * CHUNK, content.length));

        FileId file = fileOf(done);
        assertThat(file.value()).isNotEqualTo(sha256(content)).hasSize(64);
        assertThat(read(alice, file, 0)).isEqualTo(content);
        assertThat(read(alice, file, 123_457)).isEqualTo(Arrays.copyOfRange(content, 123_457, content.length));
        FileDownload download = core.files().open(alice, file, 0);
        download.content().close();
        assertThat(download.sha256()).isEqualTo(sha256(content));
        assertThat(download.size()).isEqualTo(content.length);
    }

    @Test
    void forgetsUploadsAbandonedForAWeekWithTheirEncryptedPartialContent() throws Exception {
        byte[] content = bytes(250_000);
        UploadStatus abandoned = core.files().begin(alice, spec("half.bin", content));
        append(alice, abandoned, 0, Arrays.copyOfRange(content, 0, CHUNK));
        FileId finished = upload(bob, "done.bin", bytes(1000));
        clock.advance(EncryptedFileService.ABANDONED_UPLOAD_AGE.plusMinutes(1));
        UploadStatus recent = core.files().begin(alice, spec("recent.bin", bytes(10)));

        assertThat(core.purgeAbandonedUploads()).isEqualTo(1);

        FileException gone =
                catchThrowableOfType(FileException.class, () -> core.files().status(alice, abandoned.upload()));
        assertThat(gone.reason()).isEqualTo(FileException.Reason.UNKNOWN_UPLOAD);
        try (var partials = Files.list(dataDir.resolve("files/tmp"))) {
            assertThat(partials.map(p -> p.getFileName().toString()))
                    .doesNotContain(abandoned.upload().value());
        }
        assertThat(core.files().status(alice, recent.upload()).received()).isZero();
        assertThat(read(bob, finished, 0)).hasSize(1000);
        assertThat(core.purgeAbandonedUploads()).isZero();
    }

    @Test
    void deduplicatesIdenticalContentAtBegin() throws Exception {
        byte[] content = bytes(5000);
        FileId first = upload(alice, "a.bin", content);

        UploadStatus second = core.files().begin(bob, spec("copy.bin", content));

        assertThat(second.complete()).isTrue();
        assertThat(second.file()).isEqualTo(first);
        assertThat(second.received()).isEqualTo(content.length);
        assertThat(read(bob, first, 0)).isEqualTo(content);
        try (var objects = Files.walk(dataDir.resolve("files/objects"))) {
            assertThat(objects.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void restartsAnUploadWhoseChecksumDoesNotMatch() throws Exception {
        byte[] content = bytes(1000);
        UploadStatus begun = core.files().begin(alice, spec("x.bin", content));
        byte[] corrupted = content.clone();
        corrupted[500] ^= 1;

        FileException e = catchThrowableOfType(FileException.class, () -> append(alice, begun, 0, corrupted));

        assertThat(e.reason()).isEqualTo(FileException.Reason.CHECKSUM_MISMATCH);
        assertThat(core.files().status(alice, begun.upload()).received()).isZero();
        assertThat(append(alice, begun, 0, content).complete()).isTrue();
    }

    @Test
    void letsConversationMembersReadReferencedFilesAndNobodyElse() throws Exception {
        FileId file = upload(alice, "plan.txt", bytes(300));
        ConversationId direct = core.conversations().openDirect(alice, bob).id();

        assertThat(catchThrowableOfType(FileException.class, () -> core.files().open(bob, file, 0))
                        .reason())
                .isEqualTo(FileException.Reason.NOT_FOUND);
        OutgoingMessage withFile = new OutgoingMessage(
                direct,
                new ClientMessageId(UUID.randomUUID()),
                new byte[] {1},
                new MessageFacts(List.of(), false, List.of(file.value())));
        core.messaging().send(alice, withFile).get(10, TimeUnit.SECONDS);

        assertThat(read(bob, file, 0)).hasSize(300);
        assertThat(catchThrowableOfType(FileException.class, () -> core.files().open(mallory, file, 0))
                        .reason())
                .isEqualTo(FileException.Reason.NOT_FOUND);
        assertThat(catchThrowableOfType(FileException.class, () -> core.files().open(alice, new FileId("ab"), 0))
                        .reason())
                .isEqualTo(FileException.Reason.NOT_FOUND);
        OutgoingMessage stolen = new OutgoingMessage(
                core.conversations().openSelf(mallory).id(),
                new ClientMessageId(UUID.randomUUID()),
                new byte[] {1},
                new MessageFacts(List.of(), false, List.of(file.value())));
        CompletionException refused = catchThrowableOfType(
                CompletionException.class,
                () -> core.messaging().send(mallory, stolen).join());
        assertThat(refused).hasCauseInstanceOf(UnknownFileException.class);
    }

    @Test
    void validatesNamesSizesAndUploadIds() throws Exception {
        byte[] content = bytes(10);
        for (String bad : new String[] {"", "../etc/passwd", "a/b", "a\\b", "a\u0001b", "x".repeat(256)}) {
            assertThat(catchThrowableOfType(
                                    FileException.class, () -> core.files().begin(alice, spec(bad, content)))
                            .reason())
                    .as(bad)
                    .isEqualTo(FileException.Reason.INVALID);
        }
        UploadSpec huge = new UploadSpec("big.iso", 3L * 1024 * 1024 * 1024, sha256(content), "");
        assertThat(catchThrowableOfType(FileException.class, () -> core.files().begin(alice, huge))
                        .reason())
                .isEqualTo(FileException.Reason.TOO_LARGE);
        UploadStatus begun = core.files().begin(alice, spec("ok.bin", content));
        assertThat(catchThrowableOfType(FileException.class, () -> core.files().status(bob, begun.upload()))
                        .reason())
                .isEqualTo(FileException.Reason.UNKNOWN_UPLOAD);
        assertThat(catchThrowableOfType(
                                FileException.class,
                                () -> core.files()
                                        .append(alice, begun.upload(), 0, new ByteArrayInputStream(new byte[20]), 20))
                        .reason())
                .isEqualTo(FileException.Reason.TOO_LARGE);
    }

    @Test
    void storesEmptyFiles() throws Exception {
        FileId empty = upload(alice, "empty.txt", new byte[0]);

        assertThat(read(alice, empty, 0)).isEmpty();
    }

    private FileId upload(UserId user, String name, byte[] content) throws Exception {
        UploadStatus status = core.files().begin(user, spec(name, content));
        if (!status.complete()) {
            status = append(user, status, 0, content);
        }
        return fileOf(status);
    }

    private static FileId fileOf(UploadStatus status) {
        FileId file = status.file();
        assertThat(file).as("upload complete").isNotNull();
        return java.util.Objects.requireNonNull(file);
    }

    private UploadStatus append(UserId user, UploadStatus upload, long offset, byte[] chunk) throws FileException {
        return core.files().append(user, upload.upload(), offset, new ByteArrayInputStream(chunk), chunk.length);
    }

    private byte[] read(UserId user, FileId file, long offset) throws Exception {
        try (InputStream in = core.files().open(user, file, offset).content()) {
            return in.readAllBytes();
        }
    }

    private UploadSpec spec(String name, byte[] content) throws Exception {
        return new UploadSpec(name, content.length, sha256(content), "application/octet-stream");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
