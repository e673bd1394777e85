package im.magpie.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.ConversationSettingsChanged;
import im.magpie.protocol.v1.CreateGroupRequest;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.OpenSelfRequest;
import im.magpie.protocol.v1.SetConversationSettingsRequest;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import im.magpie.server.account.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mute and pin (G3) through the gateway: stored in the caller's SELF log, synced to their devices only. */
@Tag("integration")
class ConversationSettingsIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @Test
    void settingsReachTheCallersOtherDevicesAndNobodyElse() throws Exception {
        server.createUser("mia");
        Account noah = server.createUser("noah");
        server.createUser("olga");
        try (TestDevice laptop = server.loggedIn("mia");
                TestDevice phone = server.loggedIn("mia");
                TestDevice noahDevice = server.loggedIn("noah");
                TestDevice olgaDevice = server.loggedIn("olga")) {
            long group = laptop.request(Envelope.newBuilder()
                            .setCreateGroup(CreateGroupRequest.newBuilder()
                                    .setTitle("Noisy")
                                    .addMemberUserIds(noah.id().value())
                                    .setClientRequestId(UUID.randomUUID().toString())))
                    .getConversationResult()
                    .getConversation()
                    .getConversationId();

            assertThat(laptop.request(settings(group, true, true)).hasAck()).isTrue();
            assertThat(laptop.request(settings(group, true, false)).hasAck()).isTrue();

            List<ConversationSettingsChanged> seen = settingsIn(sync(phone));
            assertThat(seen)
                    .extracting(
                            ConversationSettingsChanged::getTargetConversationId,
                            ConversationSettingsChanged::getMuted,
                            ConversationSettingsChanged::getPinned)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(group, true, true),
                            org.assertj.core.groups.Tuple.tuple(group, true, false));
            assertThat(settingsIn(sync(noahDevice))).isEmpty();

            // A stranger learns nothing; the file transfer assistant has no settings; nothing is logged for either.
            assertThat(olgaDevice
                            .request(settings(group, true, true))
                            .getError()
                            .getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_NOT_FOUND);
            long self = laptop.request(Envelope.newBuilder().setOpenSelf(OpenSelfRequest.getDefaultInstance()))
                    .getConversationResult()
                    .getConversation()
                    .getConversationId();
            assertThat(laptop.request(settings(self, true, true)).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
            assertThat(settingsIn(sync(olgaDevice))).isEmpty();
            assertThat(settingsIn(sync(phone))).hasSize(2);
        }
    }

    private static Envelope.Builder settings(long conversation, boolean muted, boolean pinned) {
        return Envelope.newBuilder()
                .setSetConversationSettings(SetConversationSettingsRequest.newBuilder()
                        .setConversationId(conversation)
                        .setMuted(muted)
                        .setPinned(pinned));
    }

    private static List<LogEntry> sync(TestDevice device) throws Exception {
        return device.request(Envelope.newBuilder().setSync(SyncRequest.newBuilder()))
                .getSyncResult()
                .getEntriesList();
    }

    private static List<ConversationSettingsChanged> settingsIn(List<LogEntry> entries) {
        List<ConversationSettingsChanged> out = new ArrayList<>();
        for (LogEntry e : entries) {
            if (e.hasSettingsChanged()) {
                out.add(e.getSettingsChanged());
            }
        }
        return out;
    }
}
