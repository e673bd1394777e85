/**
 * The headless Magpie client library: no JavaFX anywhere below this package. Start with
 * {@link im.magpie.client.MagpieClient}, the facade the CLI, the desktop UI and the load generator drive.
 */
@NullMarked
package im.magpie.client;

import org.jspecify.annotations.NullMarked;
