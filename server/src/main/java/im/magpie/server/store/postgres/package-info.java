/**
 * PostgreSQL storage: the {@link im.magpie.server.store.postgres.Database} (embedded or external, pooled,
 * migrated), the single {@link im.magpie.server.store.postgres.LogWriter} that appends to every conversation
 * log with group commit, and the stores behind the feature ports.
 */
@NullMarked
package im.magpie.server.store.postgres;

import org.jspecify.annotations.NullMarked;
