/** JMH micro-benchmarks of the hot paths: frame codec, body sealing, log append. Not run by the normal build. */
@NullMarked
package im.magpie.bench.jmh;

import org.jspecify.annotations.NullMarked;
