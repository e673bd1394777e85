package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.EntryRecord;
import im.magpie.client.sync.LogEntries;
import im.magpie.desktop.chat.Content;
import im.magpie.protocol.v1.ConversationSettingsChanged;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Member;
import im.magpie.protocol.v1.MembersAdded;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.MessageRecalled;
import im.magpie.protocol.v1.TextContent;
import org.junit.jupiter.api.Test;

/** What of a stored log shows in a chat and its preview. */
class EntryDecoderTest {
    static final long SELF_CHAT = 30;

    static EntryRecord stored(LogEntry.Builder e) {
        return LogEntries.toRecord(
                e.setConversationId(SELF_CHAT).setActorUserId(1).build());
    }

    @Test
    void aMuteOrPinChangeOrJoiningOnesOwnAssistantIsNotShownSoThePreviewIsTheLastRealMessage() {
        EntryRecord text = stored(LogEntry.newBuilder()
                .setSeq(1)
                .setMessage(MessagePosted.newBuilder()
                        .setClientMessageId("c1")
                        .setBody(MessageBody.newBuilder()
                                .setText(TextContent.newBuilder().setText("发给自己的备忘")))));
        EntryRecord pinned = stored(LogEntry.newBuilder()
                .setSeq(2)
                .setSettingsChanged(ConversationSettingsChanged.newBuilder()
                        .setTargetConversationId(10)
                        .setPinned(true)));

        EntryRecord joined = stored(LogEntry.newBuilder()
                .setSeq(3)
                .setMembersAdded(
                        MembersAdded.newBuilder().addMembers(Member.newBuilder().setUserId(1))));
        EntryRecord invited = stored(LogEntry.newBuilder()
                .setSeq(4)
                .setMembersAdded(
                        MembersAdded.newBuilder().addMembers(Member.newBuilder().setUserId(2))));

        assertThat(EntryDecoder.decode(pinned)).isEmpty();
        assertThat(EntryDecoder.decode(joined))
                .as("joining one's own assistant")
                .isEmpty();
        assertThat(EntryDecoder.decode(invited)).isPresent();
        assertThat(EntryDecoder.decode(text))
                .hasValueSatisfying(m -> assertThat(m.content()).isEqualTo(new Content.Text("发给自己的备忘")));
    }

    @Test
    void aNewGroupsMembersAddedCountsThoseAddedNotTheirCreator() {
        // a group's creation lists its creator (actor 1) with the two colleagues they chose
        EntryRecord created = stored(LogEntry.newBuilder()
                .setSeq(2)
                .setMembersAdded(MembersAdded.newBuilder()
                        .addMembers(Member.newBuilder().setUserId(1))
                        .addMembers(Member.newBuilder().setUserId(2))
                        .addMembers(Member.newBuilder().setUserId(3))));

        assertThat(EntryDecoder.decode(created))
                .hasValueSatisfying(m -> assertThat(m.content())
                        .isEqualTo(new Content.Notice("members_added", "2", java.util.List.of(1L, 2L, 3L))));
    }

    @Test
    void aRecallMarkerNamesTheMessageItRecalledAndOtherEntriesNone() {
        EntryRecord marker = stored(LogEntry.newBuilder()
                .setSeq(9)
                .setRecalled(MessageRecalled.newBuilder().setTargetSeq(4)));
        EntryRecord text = stored(LogEntry.newBuilder()
                .setSeq(10)
                .setMessage(MessagePosted.newBuilder()
                        .setBody(MessageBody.newBuilder()
                                .setText(TextContent.newBuilder().setText("4")))));

        assertThat(EntryDecoder.recallTarget(marker)).isEqualTo(4);
        assertThat(EntryDecoder.recallTarget(text)).isZero();
        assertThat(EntryDecoder.decode(marker))
                .as("the marker itself shows nothing")
                .isEmpty();
    }
}
