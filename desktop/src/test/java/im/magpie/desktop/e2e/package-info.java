/** End-to-end tests of the desktop: real server, real client libraries, real views. */
@NullMarked
package im.magpie.desktop.e2e;

import org.jspecify.annotations.NullMarked;
