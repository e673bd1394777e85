/** The desktop client benchmark: {@code bin/magpie-desktop-bench}. */
@NullMarked
package im.magpie.desktopbench;

import org.jspecify.annotations.NullMarked;
