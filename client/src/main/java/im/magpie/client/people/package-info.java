/**
 * The people directory on this device: the cached list of everyone the server lets the user see, and a fast
 * in-memory search by name, account, full pinyin and pinyin initials (polyphonic characters match every reading).
 */
@NullMarked
package im.magpie.client.people;

import org.jspecify.annotations.NullMarked;
