/** Encrypted, content-addressed, resumable file storage. Start at {@link im.magpie.server.files.FileService}. */
@NullMarked
package im.magpie.server.files;

import org.jspecify.annotations.NullMarked;
