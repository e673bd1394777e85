/**
 * Server configuration: one YAML file mapped to {@link im.magpie.server.config.ServerConfig}, a tree of records,
 * validated by {@link im.magpie.server.config.ConfigLoader}. Every key has a default.
 */
@NullMarked
package im.magpie.server.config;

import org.jspecify.annotations.NullMarked;
