package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.LogEntry;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProtoMapperTest {
    private static final UUID CLIENT_ID = UUID.fromString("0b6c1f1e-6a43-4d59-9d0c-6f1f8a4c2e11");

    @Test
    void aMessageReadsOnTheWireAsIfItsBodyHadBeenParsed() throws Exception {
        MessageBody body = MessageBody.newBuilder()
                .setText(TextContent.newBuilder().setText("你好, Magpie"))
                .addMentionUserIds(7)
                .build();

        im.magpie.protocol.v1.LogEntry wire = im.magpie.protocol.v1.LogEntry.parseFrom(
                ProtoMapper.entry(posted(body.toByteArray(), false)).toByteArray());

        assertThat(wire.getMessage())
                .isEqualTo(MessagePosted.newBuilder()
                        .setClientMessageId(CLIENT_ID.toString())
                        .setBody(body)
                        .build());
        assertThat(wire.getMessage().getUnknownFields().asMap()).isEmpty();
        assertThat(wire.getSeq()).isEqualTo(12);
        assertThat(wire.getActorUserId()).isEqualTo(3);
        assertThat(wire.getServerTimeMs()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void theStoredBodyBytesReachTheReceiverUnchanged() throws Exception {
        // The same body as a sender may encode it: the mention before the text (field 3 before field 1), which a parse
        // and a new serialization would reorder. Receivers get the sender's bytes, not the server's re-encoding.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        int mentions = MessageBody.MENTION_USER_IDS_FIELD_NUMBER;
        out.writeUInt32NoTag((mentions << 3) | 2); // packed
        out.writeUInt32NoTag(1);
        out.writeUInt64NoTag(7);
        out.writeMessage(
                MessageBody.TEXT_FIELD_NUMBER,
                TextContent.newBuilder().setText("order kept").build());
        out.flush();
        byte[] sent = bytes.toByteArray();
        assertThat(MessageBody.parseFrom(sent).toByteArray())
                .as("a parse and serialization would change these bytes")
                .isNotEqualTo(sent);

        im.magpie.protocol.v1.LogEntry wire = im.magpie.protocol.v1.LogEntry.parseFrom(
                ProtoMapper.entry(posted(sent, false)).toByteArray());

        assertThat(wire.getMessage().getBody().getText().getText()).isEqualTo("order kept");
        assertThat(wire.getMessage().getBody().getMentionUserIdsList()).containsExactly(7L);
        assertThat(ProtoMapper.entry(posted(sent, false)).toByteArray())
                .as("the entry's wire form carries the stored body byte for byte")
                .containsSequence(sent);
    }

    @Test
    void aRecalledMessageHasNoBody() throws Exception {
        im.magpie.protocol.v1.LogEntry wire = im.magpie.protocol.v1.LogEntry.parseFrom(
                ProtoMapper.entry(posted(new byte[0], true)).toByteArray());

        assertThat(wire.getMessage().getRecalled()).isTrue();
        assertThat(wire.getMessage().hasBody()).isFalse();
    }

    private static LogEntry posted(byte[] body, boolean recalled) {
        return new LogEntry(
                new ConversationId(5),
                12,
                new UserId(3),
                Instant.ofEpochMilli(1_700_000_000_123L),
                new Change.MessagePosted(new ClientMessageId(CLIENT_ID), body, recalled));
    }
}
