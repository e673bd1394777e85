/**
 * The main window's navigation shell: the left rail (conversations, contacts, file transfer assistant, settings)
 * with the unread total, and the section shown beside it.
 */
@NullMarked
package im.magpie.desktop.shell;

import org.jspecify.annotations.NullMarked;
