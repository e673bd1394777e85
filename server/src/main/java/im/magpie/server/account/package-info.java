/** Accounts: users, password hashes, enable/disable. Start at {@link im.magpie.server.account.AccountService}. */
@NullMarked
package im.magpie.server.account;

import org.jspecify.annotations.NullMarked;
