package im.magpie.bench.xmpp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The stanzas a simulated XMPP chat client writes, and the few facts it reads from the pieces {@link XmlFramer}
 * returns (element name, an attribute, a child's text). Reading is by string search, which is enough for the
 * server-generated XML of RFC 6120 (attribute values quoted, entities escaped) and keeps the generator cheap.
 */
public final class Stanzas {
    public static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static final String BIND_NS = "urn:ietf:params:xml:ns:xmpp-bind";

    private Stanzas() {}

    /** The opening of the client's stream to {@code domain} (sent at first and again after SASL success). */
    public static String streamHeader(String domain) {
        return "<?xml version='1.0'?><stream:stream to='" + escape(domain)
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    /** SASL PLAIN (RFC 4616): authorization identity empty, then the user name and the password, NUL-separated. */
    public static String authPlain(String user, String password) {
        byte[] message = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        return "<auth xmlns='" + SASL_NS + "' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(message) + "</auth>";
    }

    public static String bind(String id, String resource) {
        return "<iq type='set' id='" + escape(id) + "'><bind xmlns='" + BIND_NS + "'><resource>" + escape(resource)
                + "</resource></bind></iq>";
    }

    /** Initial presence: available, default priority (RFC 6121 §4.2). */
    public static String presence() {
        return "<presence/>";
    }

    public static String chat(String to, String id, String body) {
        return "<message to='" + escape(to) + "' type='chat' id='" + escape(id) + "'><body>" + escape(body)
                + "</body></message>";
    }

    /** XEP-0199 client-to-server ping; the server answers with an empty result. */
    public static String ping(String domain, String id) {
        return "<iq to='" + escape(domain) + "' type='get' id='" + escape(id) + "'><ping xmlns='urn:xmpp:ping'/></iq>";
    }

    public static String streamEnd() {
        return "</stream:stream>";
    }

    /** The qualified name of a piece's outer element ({@code stream:features}, {@code message}, …). */
    public static String name(String piece) {
        int start = piece.indexOf('<') + 1;
        int end = start;
        while (end < piece.length() && " \t\r\n/>".indexOf(piece.charAt(end)) < 0) {
            end++;
        }
        return piece.substring(start, end);
    }

    /** The unescaped value of an attribute of the outer element, or null. */
    public static @Nullable String attribute(String piece, String attribute) {
        int tagEnd = piece.indexOf('>');
        int from = 0;
        while (true) {
            int at = piece.indexOf(attribute + "=", from);
            if (at < 0 || (tagEnd >= 0 && at > tagEnd)) {
                return null;
            }
            from = at + attribute.length() + 1;
            char before = at == 0 ? ' ' : piece.charAt(at - 1);
            if (Character.isWhitespace(before) && from < piece.length()) {
                char quote = piece.charAt(from);
                int close = piece.indexOf(quote, from + 1);
                if (close > 0) {
                    return unescape(piece.substring(from + 1, close));
                }
                return null;
            }
        }
    }

    /** The unescaped text of the first {@code <element>} inside the piece, or null. */
    public static @Nullable String childText(String piece, String element) {
        int open = piece.indexOf("<" + element);
        while (open >= 0) {
            int after = open + element.length() + 1;
            if (after < piece.length() && (piece.charAt(after) == '>' || piece.charAt(after) == ' ')) {
                break;
            }
            open = piece.indexOf("<" + element, after);
        }
        if (open < 0) {
            return null;
        }
        int gt = piece.indexOf('>', open);
        if (gt < 0 || piece.charAt(gt - 1) == '/') {
            return gt < 0 ? null : "";
        }
        int close = piece.indexOf("</" + element + ">", gt);
        return close < 0 ? null : unescape(piece.substring(gt + 1, close));
    }

    /** Whether the piece names this mechanism in its SASL {@code <mechanisms>}. */
    public static boolean offersMechanism(String features, String mechanism) {
        return features.contains("<mechanism>" + mechanism + "</mechanism>");
    }

    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(s.charAt(i));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Undoes the five predefined entities and numeric character references. */
    public static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, amp);
        int i = amp;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0) {
                sb.append(c);
                i++;
                continue;
            }
            String entity = s.substring(i + 1, semi);
            switch (entity) {
                case "amp" -> sb.append('&');
                case "lt" -> sb.append('<');
                case "gt" -> sb.append('>');
                case "apos" -> sb.append('\'');
                case "quot" -> sb.append('"');
                default -> {
                    if (entity.startsWith("#x")) {
                        sb.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        sb.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        throw new IllegalArgumentException("unknown XML entity &" + entity + ";");
                    }
                }
            }
            i = semi + 1;
        }
        return sb.toString();
    }
}
