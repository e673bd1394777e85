/** First run and login: server address, certificate fingerprint, account and password. */
@NullMarked
package im.magpie.desktop.login;

import org.jspecify.annotations.NullMarked;
