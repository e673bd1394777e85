/** Sessions: password and token login, rate limiting, revocation. Start at {@link im.magpie.server.session.SessionService}. */
@NullMarked
package im.magpie.server.session;

import org.jspecify.annotations.NullMarked;
