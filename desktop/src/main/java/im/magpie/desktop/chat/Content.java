package im.magpie.desktop.chat;

/** What a message shows: text, a file, a folder, or a notice about the conversation (member added, renamed). */
public sealed interface Content {
    /**
     * A text message; {@code mentions}: the users it @mentions, {@code mentionAll}: it @mentions everyone in the group
     * (both set by the sender); {@code quote}: the message it replies to, null for none.
     */
    record Text(
            String text,
            java.util.List<Long> mentions,
            boolean mentionAll,
            @org.jspecify.annotations.Nullable Quote quote)
            implements Content {
        public Text {
            mentions = java.util.List.copyOf(mentions);
        }

        public Text(String text, java.util.List<Long> mentions, boolean mentionAll) {
            this(text, mentions, mentionAll, null);
        }

        public Text(String text, java.util.List<Long> mentions) {
            this(text, mentions, false);
        }

        public Text(String text) {
            this(text, java.util.List.of());
        }
    }

    /** One file: its name and size in bytes. */
    record File(String name, long size) implements Content {}

    /**
     * A picture the desktop can draw (PNG, JPEG, GIF, BMP) sent as a file: shown inline; {@code size} in bytes (0 while
     * it is uploaded).
     */
    record Image(String name, long size) implements Content {
        private static final java.util.Set<String> MEDIA_TYPES =
                java.util.Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");
        private static final java.util.regex.Pattern NAMES =
                java.util.regex.Pattern.compile("(?i).+\\.(png|jpe?g|gif|bmp)");

        /** Whether a file of this media type (or, without one, this name) is shown as a picture. */
        public static boolean shows(String mediaType, String name) {
            return mediaType.isEmpty() ? NAMES.matcher(name).matches() : MEDIA_TYPES.contains(mediaType);
        }
    }

    /** A whole folder: its name, number of files and total size in bytes. */
    record Folder(String name, int files, long size) implements Content {}

    /**
     * A change of the conversation; {@code kind} is the log entry kind ({@code created}, {@code renamed},
     * {@code members_added}, {@code member_removed}, {@code role_changed}, ...), {@code detail} the new title, "left"
     * (a member who left by themselves) or the new role, {@code users} the members it is about.
     */
    record Notice(String kind, String detail, java.util.List<Long> users) implements Content {
        public Notice {
            users = java.util.List.copyOf(users);
        }

        public Notice(String kind, String detail) {
            this(kind, detail, java.util.List.of());
        }
    }
}
