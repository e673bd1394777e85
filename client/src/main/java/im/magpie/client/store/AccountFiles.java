package im.magpie.client.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Everything one account keeps on this device: the encrypted database {@code <account>.db} with its SQLite side files,
 * the key material beside it (see {@link DeviceKeyProtector}) and the cache directory {@code <account>.cache/} where
 * the client and the UI keep downloaded files and images they manage. {@link #deleteAll()} is the remote wipe.
 */
public record AccountFiles(Path database) {
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};

    /** Where downloaded files and image caches of this account belong (created on demand by their users). */
    public Path cacheDir() {
        String name = database.getFileName().toString().replaceFirst("\\.db$", "");
        return database.resolveSibling(name + ".cache");
    }

    /** Deletes the database, its side files, its key material and the cache directory. The store must be closed. */
    public void deleteAll() throws IOException {
        Files.deleteIfExists(database);
        for (String suffix : SIDE_FILES) {
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
        }
        DeviceKeyProtector.deleteKey(database);
        deleteTree(cacheDir());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
