/**
 * The settings section and the desktop {@link im.magpie.desktop.settings.Preferences} that other features read
 * (notifications, download folder, auto-receive, language, theme).
 */
@NullMarked
package im.magpie.desktop.settings;

import org.jspecify.annotations.NullMarked;
