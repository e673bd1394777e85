package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;

/**
 * What a reply quotes of a message: its text, or "[图片]", "[文件] name", "[文件夹] name". The port makes the excerpt of
 * it ({@link ChatPort#excerpt}: one line, cut as the protocol allows).
 */
final class Quotes {
    private Quotes() {}

    static String text(Content content, Texts texts) {
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
        return line;
    }
}
