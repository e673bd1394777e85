package im.magpie.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlFramerTest {
    /** A login as ejabberd 23.01 sends it, with a restart after SASL success and a chat message. */
    private static final String SERVER = "<?xml version='1.0'?><stream:stream id='42' version='1.0' xml:lang='en' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='localhost' xmlns='jabber:client'>"
            + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            + "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"
            + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
            + "<?xml version='1.0'?><stream:stream id='43' version='1.0' xml:lang='en' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='localhost' xmlns='jabber:client'>"
            + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>"
            + "<iq type='result' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            + "<jid>u00001@localhost/bench1</jid></bind></iq> \n "
            + "<message from='u00000@localhost/bench0' to='u00001@localhost' type='chat' id='m1' xml:lang='en'>"
            + "<body>bench:123:a&lt;b &apos;/&gt;</body></message>"
            + "</stream:stream>";

    private static final List<String> PIECES = List.of(
            "<stream:stream id='42' version='1.0' xml:lang='en' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "from='localhost' xmlns='jabber:client'>",
            "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>",
            "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>",
            "<stream:stream id='43' version='1.0' xml:lang='en' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "from='localhost' xmlns='jabber:client'>",
            "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>",
            "<iq type='result' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<jid>u00001@localhost/bench1</jid></bind></iq>",
            "<message from='u00000@localhost/bench0' to='u00001@localhost' type='chat' id='m1' xml:lang='en'>"
                    + "<body>bench:123:a&lt;b &apos;/&gt;</body></message>",
            "</stream:stream>");

    @Test
    void splitsAWholeLoginIntoTopLevelPieces() {
        byte[] bytes = SERVER.getBytes(StandardCharsets.UTF_8);
        assertThat(new XmlFramer().feed(bytes, 0, bytes.length)).containsExactlyElementsOf(PIECES);
    }

    @Test
    void givesTheSamePiecesWhateverTheChunkBoundaries() {
        byte[] bytes = SERVER.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 7, 64}) {
            XmlFramer framer = new XmlFramer();
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += chunk) {
                pieces.addAll(framer.feed(bytes, i, Math.min(chunk, bytes.length - i)));
            }
            assertThat(pieces).as("chunks of %d bytes", chunk).containsExactlyElementsOf(PIECES);
        }
    }

    @Test
    void keepsMultiByteTextAndMarkupInsideQuotedAttributes() {
        String xml = "<stream:stream xmlns='jabber:client'><message from='a/b>c' to=\"x'y\"><body>鹊桥 ok</body>"
                + "</message>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        List<String> pieces = new XmlFramer().feed(bytes, 0, bytes.length);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1)).isEqualTo("<message from='a/b>c' to=\"x'y\"><body>鹊桥 ok</body></message>");
    }

    @Test
    void rejectsCommentsWhichXmppForbids() {
        byte[] bytes = "<stream:stream><!-- no -->".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new XmlFramer().feed(bytes, 0, bytes.length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comments");
    }
}
