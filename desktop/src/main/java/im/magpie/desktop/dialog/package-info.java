/** The app's own message and question dialogs (instead of JavaFX's stock Alert). */
@NullMarked
package im.magpie.desktop.dialog;

import org.jspecify.annotations.NullMarked;
