package im.magpie.desktop.emoji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled emoji (resource {@code emoji.tsv} beside the PNGs, from {@code assets/emoji/}): the picker's categories,
 * and splitting text into plain runs and emoji that have an image. Immutable once loaded.
 */
public final class EmojiCatalog {
    static final String RESOURCE_DIR = "/im/magpie/desktop/emoji/";
    /** The category of the bundled emoji that text shows as images but the picker does not offer. */
    static final String NOT_IN_PICKER = "more";

    private static final int VARIATION_SELECTOR = 0xFE0F;

    /** One emoji: its text, picker category, English short name and image file (below {@link #RESOURCE_DIR}). */
    public record Emoji(String text, String category, String name, String file) {}

    /** A run of text: plain ({@code emoji} null) or one emoji. */
    public record Run(
            String text, @org.jspecify.annotations.Nullable Emoji emoji) {}

    private final Map<String, List<Emoji>> byCategory;
    private final Map<String, Emoji> byText;
    private final int longest;

    private EmojiCatalog(Map<String, List<Emoji>> byCategory, Map<String, Emoji> byText) {
        this.byCategory = byCategory;
        this.byText = byText;
        this.longest = byText.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The catalogue bundled with the application, loaded once. */
    public static EmojiCatalog bundled() {
        return Bundled.CATALOG;
    }

    private static final class Bundled {
        static final EmojiCatalog CATALOG = load();

        private static EmojiCatalog load() {
            try (InputStream in = EmojiCatalog.class.getResourceAsStream(RESOURCE_DIR + "emoji.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("emoji.tsv is missing from the application");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .lines()
                        .toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Lines of {@code category TAB code points TAB code points without FE0F TAB name}; {@code #} starts a comment. */
    static EmojiCatalog parse(List<String> lines) {
        Map<String, List<Emoji>> byCategory = new LinkedHashMap<>();
        Map<String, Emoji> byText = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("bad emoji line: " + line);
            }
            Emoji e = new Emoji(text(f[1]), f[0], f[3], f[1].toLowerCase(java.util.Locale.ROOT) + ".png");
            byCategory.computeIfAbsent(f[0], k -> new ArrayList<>()).add(e);
            byText.putIfAbsent(e.text(), e);
            if (!f[2].isEmpty() && !textByDefault(text(f[2]))) {
                byText.putIfAbsent(text(f[2]), e);
            }
        }
        byCategory.replaceAll((k, v) -> List.copyOf(v));
        return new EmojiCatalog(java.util.Collections.unmodifiableMap(byCategory), Map.copyOf(byText));
    }

    /**
     * Symbols such as © ® ™ ↔ that are text unless followed by U+FE0F: they stay text when typed bare. Bare pictographs
     * from U+2600 on (☺ ❤ ✔) are commonly meant as emoji and keep their image.
     */
    private static boolean textByDefault(String bare) {
        return bare.codePointCount(0, bare.length()) == 1 && bare.codePointAt(0) < 0x2600;
    }

    private static String text(String codePoints) {
        StringBuilder b = new StringBuilder();
        for (String hex : codePoints.split("-", -1)) {
            b.appendCodePoint(Integer.parseInt(hex, 16));
        }
        return b.toString();
    }

    /** Picker categories in display order (not {@link #NOT_IN_PICKER}). */
    public List<String> categories() {
        return byCategory.keySet().stream()
                .filter(c -> !NOT_IN_PICKER.equals(c))
                .toList();
    }

    public List<Emoji> in(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    public Optional<Emoji> find(String text) {
        return Optional.ofNullable(byText.get(text));
    }

    /** Resource path of an emoji's image. */
    public static String resource(Emoji e) {
        return RESOURCE_DIR + "png/" + e.file();
    }

    /**
     * Splits text into plain runs and emoji with an image (longest match first, so ZWJ sequences and flags win over
     * their parts). A trailing variation selector or skin-tone modifier is absorbed into the emoji before it (the
     * bundled images have no skin tones). Text without any emoji comes back as one plain run.
     */
    public List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        int plainFrom = 0;
        int i = 0;
        while (i < text.length()) {
            int len = mayStartEmoji(text.codePointAt(i)) ? matchAt(text, i) : 0;
            if (len == 0) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            Emoji e = byText.get(text.substring(i, i + len));
            if (i > plainFrom) {
                runs.add(new Run(text.substring(plainFrom, i), null));
            }
            int end = i + len;
            while (end < text.length() && isModifier(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            runs.add(new Run(text.substring(i, end), e));
            i = end;
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            runs.add(new Run(text.substring(plainFrom), null));
        }
        return runs;
    }

    /** Whether the text is nothing but 1 to {@code max} emoji (shown large, like a sticker). */
    public boolean onlyEmoji(String text, int max) {
        List<Run> runs = split(text.strip());
        return !runs.isEmpty() && runs.size() <= max && runs.stream().allMatch(r -> r.emoji() != null);
    }

    /** Length in chars of the longest emoji at {@code at}; 0 when none. */
    private int matchAt(String text, int at) {
        for (int len = Math.min(longest, text.length() - at); len > 0; len--) {
            if (byText.containsKey(text.substring(at, at + len))) {
                return len;
            }
        }
        return 0;
    }

    /** Chinese, Japanese and Korean characters start no emoji: most text skips the lookups. */
    private static boolean mayStartEmoji(int cp) {
        boolean cjk =
                (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xFF01 && cp <= 0xFF60);
        return (cp >= 0x2000 && !cjk) || cp == 0xA9 || cp == 0xAE;
    }

    private static boolean isModifier(int cp) {
        return cp == VARIATION_SELECTOR || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }
}
