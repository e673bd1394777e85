/** Adapts the headless {@code MagpieClient} to the ports the view-models use. */
@NullMarked
package im.magpie.desktop.backend;

import org.jspecify.annotations.NullMarked;
