/** The headless Magpie client library: no JavaFX anywhere below this package. */
@NullMarked
package im.magpie.client;

import org.jspecify.annotations.NullMarked;
