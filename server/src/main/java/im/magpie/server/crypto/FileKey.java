package im.magpie.server.crypto;

/** The AES-256 key and CTR nonce of one stored file. */
// Key material is handed straight to the cipher; records never compare it.
@SuppressWarnings("ArrayRecordComponent")
public record FileKey(byte[] key, byte[] nonce) {
    @Override
    public String toString() {
        return "FileKey[***]";
    }
}
