package im.magpie.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive operating-system lock on {@code <data>/server.lock}, held while a server uses the
 * data directory, so that a second server on the same directory refuses to start instead of
 * sharing (and stopping) the first one's embedded database. The OS releases the lock when the
 * process ends, however it ends: a server killed with {@code kill -9} leaves no stale lock behind.
 */
final class DataDirectoryLock {
    static final String FILE_NAME = "server.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the directory. */
    static DataDirectoryLock acquire(Path dataDir) throws IOException, DataDirectoryInUseException {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dataDir);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(
                (ProcessHandle.current().pid() + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII)));
        return new DataDirectoryLock(channel, lock);
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The process is stopping; the OS drops the lock with the process anyway.
        }
    }

    /** Another server (or the same process) holds the data directory. */
    static final class DataDirectoryInUseException extends Exception {
        DataDirectoryInUseException(Path dataDir) {
            super("another Magpie server is using the data directory " + dataDir + " (see " + FILE_NAME
                    + " for its process id); stop it first");
        }
    }
}
