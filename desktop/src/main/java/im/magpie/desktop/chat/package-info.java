/** The main window: conversation list, chat view, new chat and new group dialogs. */
@NullMarked
package im.magpie.desktop.chat;

import org.jspecify.annotations.NullMarked;
