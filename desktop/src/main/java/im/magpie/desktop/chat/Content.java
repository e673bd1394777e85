package im.magpie.desktop.chat;

/** What a message shows: text, a file, a folder, or a notice about the conversation (member added, renamed). */
public sealed interface Content {
    /** A text message. */
    record Text(String text) implements Content {}

    /** One file: its name and size in bytes. */
    record File(String name, long size) implements Content {}

    /** A whole folder: its name, number of files and total size in bytes. */
    record Folder(String name, int files, long size) implements Content {}

    /** A change of the conversation; {@code kind} is the log entry kind ({@code created}, {@code renamed}, ...). */
    record Notice(String kind, String detail) implements Content {}
}
