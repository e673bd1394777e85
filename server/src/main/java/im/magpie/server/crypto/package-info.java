/**
 * Encryption at rest: the {@link im.magpie.server.crypto.MasterKey}, AES-256-GCM sealing ({@link
 * im.magpie.server.crypto.SealingKey}), per-conversation data keys ({@link im.magpie.server.crypto.ConversationKeys})
 * and seekable AES-256-CTR streams for files ({@link im.magpie.server.crypto.FileCipher}).
 */
@NullMarked
package im.magpie.server.crypto;

import org.jspecify.annotations.NullMarked;
