/**
 * Composition root of the core: database, encryption at rest, accounts, sessions, messaging and
 * files. Start at {@link im.magpie.server.core.CoreComponents#start}.
 */
@NullMarked
package im.magpie.server.core;

import org.jspecify.annotations.NullMarked;
