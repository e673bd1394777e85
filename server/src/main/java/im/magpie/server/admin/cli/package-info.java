/** {@code magpie-admin}: the command-line client of the admin API. Start at {@link im.magpie.server.admin.cli.AdminCli}. */
@NullMarked
package im.magpie.server.admin.cli;

import org.jspecify.annotations.NullMarked;
