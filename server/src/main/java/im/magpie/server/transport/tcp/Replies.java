package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.ErrorReply;

/** Small builders for reply envelopes. */
final class Replies {
    private Replies() {}

    static Envelope error(long requestId, ErrorCode code, String detail) {
        return Envelope.newBuilder()
                .setRequestId(requestId)
                .setError(ErrorReply.newBuilder().setCode(code).setDetail(detail))
                .build();
    }
}
