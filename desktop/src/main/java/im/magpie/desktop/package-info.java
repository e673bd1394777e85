/** The JavaFX desktop client: composition root, launcher and screenshot command. */
@NullMarked
package im.magpie.desktop;

import org.jspecify.annotations.NullMarked;
