/**
 * The encrypted local store: one SQLCipher file per account per server ({@link im.magpie.client.store.LocalStore}),
 * its device-bound key ({@link im.magpie.client.store.DeviceKeyProtector}) and CJK-aware full-text search. The only
 * package of the client that uses JDBC.
 */
@NullMarked
package im.magpie.client.store;

import org.jspecify.annotations.NullMarked;
