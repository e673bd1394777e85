/**
 * The admin API (HTTPS JSON on loopback, port 7003) used by {@code magpie-admin}: users, groups,
 * kicks and device lists. Start at {@link im.magpie.server.admin.AdminServer}; the token lives in
 * {@code <data_dir>/admin.token} ({@link im.magpie.server.admin.AdminToken}).
 */
@NullMarked
package im.magpie.server.admin;

import org.jspecify.annotations.NullMarked;
