package im.magpie.server.admin.cli;

import java.util.List;

/**
 * A table row for a terminal: each column padded to its width in terminal cells, not in chars. A Chinese character or
 * an emoji takes two cells, a combining mark none, so a column after a name such as "王芳" still lines up.
 */
final class Columns {
    private Columns() {}

    /** The cells of {@code values}: each but the last padded to its width in {@code widths}, one space between. */
    static String row(List<Integer> widths, List<String> values) {
        if (widths.size() != values.size() - 1) {
            throw new IllegalArgumentException("one width for every column but the last");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            line.append(value);
            if (i < widths.size()) {
                line.append(" ".repeat(Math.max(1, widths.get(i) - width(value) + 1)));
            }
        }
        return line.toString();
    }

    /** How many terminal cells {@code s} takes. */
    static int width(String s) {
        return s.codePoints().map(Columns::cells).sum();
    }

    private static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** East Asian wide and full-width characters and the emoji blocks (Unicode's EastAsianWidth W and F). */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
