/** How the app's popups (emoji picker, @mention list, read-by popover, hover card) meet the window system. */
@NullMarked
package im.magpie.desktop.popup;

import org.jspecify.annotations.NullMarked;
