package im.magpie.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-conversation data keys. A new key is 32 random bytes, stored wrapped by the master key with
 * the conversation id as associated data; unwrapped keys are cached (LRU, bounded). Thread-safe.
 * Message bodies are sealed with associated data {@code conversation id || seq}.
 */
public final class ConversationKeys {
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final SealingKey wrapping;
    private final SecureRandom random;
    private final Map<Long, SealingKey> cache;

    public ConversationKeys(MasterKey master, SecureRandom random, int cacheSize) {
        this.wrapping = master.wrappingKey();
        this.random = random;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, SealingKey> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** A fresh data key for a new conversation, wrapped for storage. */
    public byte[] newWrappedKey(long conversation) {
        byte[] key = new byte[SealingKey.KEY_BYTES];
        random.nextBytes(key);
        return wrapping.seal(key, keyAad(conversation));
    }

    public byte[] sealBody(long conversation, long seq, byte[] wrappedKey, byte[] body) {
        return key(conversation, wrappedKey).seal(body, bodyAad(conversation, seq));
    }

    public byte[] openBody(long conversation, long seq, byte[] wrappedKey, byte[] sealed) {
        return key(conversation, wrappedKey).open(sealed, bodyAad(conversation, seq));
    }

    private SealingKey key(long conversation, byte[] wrappedKey) {
        synchronized (cache) {
            SealingKey cached = cache.get(conversation);
            if (cached != null) {
                return cached;
            }
        }
        SealingKey key = new SealingKey(wrapping.open(wrappedKey, keyAad(conversation)), random);
        synchronized (cache) {
            cache.put(conversation, key);
        }
        return key;
    }

    private static byte[] keyAad(long conversation) {
        return ("magpie/conversation-key/" + conversation).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bodyAad(long conversation, long seq) {
        return ByteBuffer.allocate(17)
                .put((byte) 1)
                .putLong(conversation)
                .putLong(seq)
                .array();
    }
}
