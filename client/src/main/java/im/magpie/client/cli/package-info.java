/** The {@code magpie} command-line client, built on {@link im.magpie.client.MagpieClient}. */
@NullMarked
package im.magpie.client.cli;

import org.jspecify.annotations.NullMarked;
