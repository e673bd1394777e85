/**
 * The contacts section: everyone the server lets the user see, searchable by name, account and pinyin, with
 * presence and signature, and a contact card with "message". The left column is the directory slot: "all colleagues"
 * today, the department tree when the directory feature arrives.
 */
@NullMarked
package im.magpie.desktop.contacts;

import org.jspecify.annotations.NullMarked;
