package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Turns messages, sizes and times into the words and numbers the user reads. */
public final class MessageTexts {
    static final int PREVIEW_CHARS = 60;
    /** A notice names at most this many members. */
    static final int NOTICE_NAMES = 10;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Texts texts;
    private final Clock clock;
    /** The date and time under a bubble of another day (made once: a chat draws many rows). */
    private final DateTimeFormatter dateTime;

    public MessageTexts(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
        this.dateTime = DateTimeFormatter.ofPattern(texts.get("time.dateTimePattern"), texts.locale());
    }

    public Texts texts() {
        return texts;
    }

    /** One line for the conversation list. */
    public String preview(Content content, boolean recalled, String senderName, boolean group) {
        if (recalled) {
            return texts.format("message.recalledBy", senderName);
        }
        String body = body(content, senderName);
        if (body.codePointCount(0, body.length()) > PREVIEW_CHARS) {
            body = body.substring(0, body.offsetByCodePoints(0, PREVIEW_CHARS)) + "…"; // never half an emoji
        }
        return group && !(content instanceof Content.Notice) ? senderName + ": " + body : body;
    }

    private String body(Content content, String senderName) {
        if (content instanceof Content.Text t) {
            return t.text().strip().replaceAll("\\s+", " ");
        }
        if (content instanceof Content.File f) {
            return texts.get("message.filePrefix") + " " + f.name();
        }
        if (content instanceof Content.Folder f) {
            return texts.get("message.folderPrefix") + " " + f.name();
        }
        if (content instanceof Content.Image) {
            return texts.get("message.imagePrefix");
        }
        return notice((Content.Notice) content, senderName);
    }

    /** The sentence shown for a change of the conversation, without the names of the members it is about. */
    public String notice(Content.Notice n, String actorName) {
        return notice(n, actorName, List.of());
    }

    /**
     * The sentence shown for a change of the conversation: "张伟 把 李娜、王芳 加入了群聊", "王芳 退出了群聊";
     * {@code userNames} are the names of {@link Content.Notice#users()} (empty: a sentence without them).
     */
    public String notice(Content.Notice n, String actorName, List<String> userNames) {
        String users = names(userNames);
        return switch (n.kind()) {
            case "created" -> texts.format("notice.created", actorName, n.detail());
            case "renamed" -> texts.format("notice.renamed", actorName, n.detail());
            case "members_added" ->
                users.isEmpty()
                        ? texts.format("notice.membersAdded", actorName, n.detail())
                        : texts.format("notice.membersAddedNamed", actorName, users);
            case "member_removed" ->
                users.isEmpty()
                        ? texts.format("notice.memberRemoved", actorName)
                        : "left".equals(n.detail())
                                ? texts.format("notice.memberLeft", users)
                                : texts.format("notice.memberRemovedNamed", actorName, users);
            case "role_changed" ->
                users.isEmpty()
                        ? texts.format("notice.changed", actorName)
                        : switch (n.detail()) {
                            case "OWNER" -> texts.format("notice.newOwner", users);
                            case "ADMIN" -> texts.format("notice.adminAdded", actorName, users);
                            default -> texts.format("notice.adminRemoved", actorName, users);
                        };
            default -> texts.format("notice.changed", actorName);
        };
    }

    /** "李娜、王芳" (up to {@link #NOTICE_NAMES} names, then "… and N more"). */
    private String names(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        String joined =
                String.join(texts.get("notice.nameSeparator"), names.subList(0, Math.min(NOTICE_NAMES, names.size())));
        return names.size() <= NOTICE_NAMES ? joined : texts.format("notice.namesMore", joined, names.size());
    }

    /** "1.5 MB" style sizes. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** Time of day for today, "Yesterday" for yesterday, else the date. */
    public String listTime(long timeMs) {
        ZonedDateTime t = Instant.ofEpochMilli(timeMs).atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (t.toLocalDate().equals(today)) {
            return HOUR.format(t);
        }
        if (t.toLocalDate().equals(today.minusDays(1))) {
            return texts.get("time.yesterday");
        }
        return DateTimeFormatter.ofPattern(texts.get("time.datePattern"), texts.locale())
                .format(t);
    }

    /** Time shown beside a sender's name in the chat. */
    public String bubbleTime(long timeMs) {
        ZonedDateTime t = Instant.ofEpochMilli(timeMs).atZone(clock.getZone());
        if (t.toLocalDate().equals(LocalDate.now(clock))) {
            return HOUR.format(t);
        }
        return dateTime.format(t);
    }

    /** Up to two letters for an avatar: the last two characters of a Chinese name, else word initials. */
    public static String initials(String name) {
        String s = name.strip();
        if (s.isEmpty()) {
            return "?";
        }
        if (s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            int[] cps = s.codePoints() // "Tony王" -> "王": Chinese characters only
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .toArray();
            int from = Math.max(0, cps.length - 2);
            return new String(cps, from, cps.length - from);
        }
        StringBuilder b = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < s.length() && b.length() < 2; i = s.offsetByCodePoints(i, 1)) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c)) {
                wordStart = true;
            } else if (wordStart) {
                b.appendCodePoint(c);
                wordStart = false;
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
