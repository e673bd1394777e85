/** Fixtures (the organisation "Acme", a fixed clock) and architecture rules shared by every module's tests. */
@NullMarked
package im.magpie.testsupport;

import org.jspecify.annotations.NullMarked;
