package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into plain runs and web links (http, https), so links can be shown clickable. */
public final class Links {
    /** Ends a link at white space and at the Chinese punctuation that usually follows it. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'，。！？、；：）》」】]+");

    /** A run of text; {@code link} when it is a web address. */
    public record Run(String text, boolean link) {}

    private Links() {}

    public static List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (url.endsWith(".") || url.endsWith(",") || url.endsWith(")")) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), false));
            }
            runs.add(new Run(url, true));
            at = end;
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), false));
        }
        return runs;
    }
}
