package im.magpie.server.files;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Checks of what an uploader declares: base name, SHA-256 and media type. */
public final class FileNames {
    public static final int MAX_NAME_BYTES = 255;
    public static final int MAX_MEDIA_TYPE_CHARS = 255;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private FileNames() {}

    /** True for a plain base name: not empty, at most 255 UTF-8 bytes, no '/', '\', '..' or control characters. */
    public static boolean isValidName(String name) {
        return !name.isEmpty()
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES
                && !name.contains("/")
                && !name.contains("\\")
                && !name.contains("..")
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    public static boolean isValidSha256(String sha256) {
        return SHA256.matcher(sha256).matches();
    }

    public static boolean isValidMediaType(String mediaType) {
        return mediaType.length() <= MAX_MEDIA_TYPE_CHARS
                && mediaType.codePoints().noneMatch(Character::isISOControl);
    }
}
