/**
 * System tests: the real server (in-process, or as a separate process that a test kills) driven
 * by the real client library over real TLS, with the embedded PostgreSQL.
 */
@NullMarked
package im.magpie.systemtests;

import org.jspecify.annotations.NullMarked;
