/** The history viewer (M12): search every local message by text, conversation, sender and date; jump to it. */
@NullMarked
package im.magpie.desktop.history;

import org.jspecify.annotations.NullMarked;
