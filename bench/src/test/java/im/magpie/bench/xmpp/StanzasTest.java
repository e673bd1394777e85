package im.magpie.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StanzasTest {
    @Test
    void saslPlainCarriesUserAndPasswordAfterAnEmptyAuthorizationIdentity() {
        String auth = Stanzas.authPlain("u00001", "pä$s");
        assertThat(auth).startsWith("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>");
        String payload = auth.substring(auth.indexOf('>') + 1, auth.indexOf("</auth>"));
        assertThat(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                .isEqualTo("\0u00001\0pä$s");
    }

    @Test
    void outgoingStanzasEscapeWhatTheyCarry() {
        assertThat(Stanzas.chat("u1@localhost", "m1", "a<b & 'c'"))
                .isEqualTo("<message to='u1@localhost' type='chat' id='m1'><body>a&lt;b &amp; &apos;c&apos;</body>"
                        + "</message>");
        assertThat(Stanzas.bind("bind", "r&d"))
                .isEqualTo("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                        + "<resource>r&amp;d</resource></bind></iq>");
        assertThat(Stanzas.streamHeader("localhost"))
                .contains("to='localhost'", "xmlns='jabber:client'", "version='1.0'");
        assertThat(Stanzas.ping("localhost", "p1")).contains("<ping xmlns='urn:xmpp:ping'/>", "type='get'");
    }

    @Test
    void readsNameAttributesAndChildTextOfServerStanzas() {
        String message = "<message xml:lang='en' from=\"u0@localhost/b&amp;0\" to='u1@localhost' type='chat'>"
                + "<bodyless/><body>x &#x9e4a; &#26725; &quot;</body></message>";
        assertThat(Stanzas.name(message)).isEqualTo("message");
        assertThat(Stanzas.attribute(message, "from")).isEqualTo("u0@localhost/b&0");
        assertThat(Stanzas.attribute(message, "lang")).isNull(); // only xml:lang exists
        assertThat(Stanzas.attribute(message, "id")).isNull();
        assertThat(Stanzas.childText(message, "body")).isEqualTo("x 鹊 桥 \"");
        assertThat(Stanzas.childText(message, "subject")).isNull();
        assertThat(Stanzas.name("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"))
                .isEqualTo("success");
        assertThat(Stanzas.childText("<iq><bind><jid>a@b/c</jid></bind></iq>", "jid"))
                .isEqualTo("a@b/c");
    }

    @Test
    void findsTheOfferedMechanisms() {
        String features = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms></stream:features>";
        assertThat(Stanzas.offersMechanism(features, "PLAIN")).isTrue();
        assertThat(Stanzas.offersMechanism(features, "X-OAUTH2")).isFalse();
    }

    @Test
    void rejectsUnknownEntities() {
        assertThatThrownBy(() -> Stanzas.unescape("a &nbsp; b")).isInstanceOf(IllegalArgumentException.class);
    }
}
