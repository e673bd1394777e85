package im.magpie.bench.xmpp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of an XMPP stream, as they arrive in arbitrary chunks, into its top-level pieces: the stream header
 * ({@code <stream:stream ...>}, a new one after every stream restart), each complete first-level element (a stanza,
 * {@code <stream:features>}, {@code <success/>}, …) and the closing {@code </stream:stream>}. XML declarations are
 * dropped. It only tracks tag nesting and quoted attribute values, which is enough for the restricted XML that XMPP
 * allows (no comments, processing instructions or DTDs, RFC 6120 §11.1); it does not check well-formedness. UTF-8
 * is safe to scan byte by byte: the markup characters never occur inside a multi-byte sequence.
 */
public final class XmlFramer {
    /** Largest piece accepted (ejabberd's default {@code max_stanza_size} is 64 KiB; ours is set to 256 KiB). */
    static final int MAX_PIECE = 1 << 20;

    private final ByteArrayOutputStream piece = new ByteArrayOutputStream(256);
    private int depth; // 0 outside the stream, 1 inside the stream header, 2+ inside a stanza
    private State state = State.TEXT;
    private byte quote;
    private byte previous;
    private boolean closingTag;
    private boolean declaration;
    private final StringBuilder tagName = new StringBuilder();
    private boolean inName;

    private enum State {
        TEXT,
        TAG_START,
        TAG
    }

    /** Consumes {@code length} bytes and returns the pieces they completed, in order. */
    public List<String> feed(byte[] bytes, int offset, int length) {
        List<String> out = new ArrayList<>(2);
        for (int i = offset; i < offset + length; i++) {
            step(bytes[i], out);
        }
        return out;
    }

    private void step(byte b, List<String> out) {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.TAG_START;
                    if (depth <= 1) {
                        piece.reset(); // whitespace (keep-alives) between stanzas is not part of any piece
                    }
                    append(b);
                } else if (depth > 1) {
                    append(b);
                }
            }
            case TAG_START -> {
                append(b);
                closingTag = b == '/';
                declaration = b == '?';
                tagName.setLength(0);
                inName = !closingTag && !declaration;
                if (inName) {
                    tagName.append((char) b);
                }
                if (b == '!') {
                    throw new IllegalArgumentException("XMPP forbids comments, CDATA and DTDs in a stream");
                }
                state = State.TAG;
            }
            case TAG -> tagByte(b, out);
        }
        previous = b;
    }

    private void tagByte(byte b, List<String> out) {
        append(b);
        if (quote != 0) {
            if (b == quote) {
                quote = 0;
            }
            return;
        }
        if (b == '"' || b == '\'') {
            quote = b;
            inName = false;
            return;
        }
        if (inName) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '/' || b == '>') {
                inName = false;
            } else {
                tagName.append((char) b);
            }
        }
        if (b != '>') {
            return;
        }
        state = State.TEXT;
        if (declaration) {
            piece.reset();
        } else if (closingTag) {
            depth--;
            if (depth == 0) {
                emit(out); // </stream:stream>
            } else if (depth == 1) {
                emit(out); // the end of a first-level element
            }
        } else if (tagName.toString().equals("stream:stream")) {
            depth = 1; // a new stream (also after a restart, which does not close the old one)
            emit(out);
        } else if (previous == '/') {
            if (depth == 1) {
                emit(out); // an empty first-level element such as <success .../>
            }
        } else {
            depth++;
        }
    }

    private void append(byte b) {
        if (piece.size() >= MAX_PIECE) {
            throw new IllegalArgumentException("XMPP element larger than " + MAX_PIECE + " bytes");
        }
        piece.write(b);
    }

    private void emit(List<String> out) {
        out.add(piece.toString(StandardCharsets.UTF_8));
        piece.reset();
    }
}
