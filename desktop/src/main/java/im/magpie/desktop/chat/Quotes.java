package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;

/** The excerpt a reply carries of the message it quotes: text on one line, or "[图片]", "[文件] name", "[文件夹] name". */
final class Quotes {
    private Quotes() {}

    static String excerpt(Content content, Texts texts) {
        String line;
        if (content instanceof Content.Text t) {
            line = t.text();
        } else if (content instanceof Content.Image) {
            line = texts.get("message.imagePrefix");
        } else if (content instanceof Content.File f) {
            line = texts.get("message.filePrefix") + " " + f.name();
        } else if (content instanceof Content.Folder f) {
            line = texts.get("message.folderPrefix") + " " + f.name();
        } else {
            line = "";
        }
        return cut(line);
    }

    /** {@code text} on one line, at most {@link Quote#MAX_EXCERPT_CHARS} characters (ending with "…" when cut). */
    static String cut(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= Quote.MAX_EXCERPT_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, Quote.MAX_EXCERPT_CHARS - 1)) + "…";
    }
}
