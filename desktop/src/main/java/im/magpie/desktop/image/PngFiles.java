package im.magpie.desktop.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Writes pictures that exist only in memory (pasted, captured) to PNG files that can be sent. */
public final class PngFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private PngFiles() {}

    /** A new file {@code <prefix>-<date>-<time>.png} in a fresh temporary directory. */
    public static Path write(Image image, String prefix) throws IOException {
        Path dir = Files.createTempDirectory("magpie-image");
        Path file =
                dir.resolve(prefix + "-" + STAMP.format(LocalDateTime.now(java.time.ZoneId.systemDefault())) + ".png");
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
