/**
 * New-message notifications (M13): which arriving messages deserve a pop-up and a sound
 * ({@link im.magpie.desktop.notify.NotificationsViewModel}), the pop-ups at the bottom right of the screen
 * ({@link im.magpie.desktop.notify.NotificationPopups}), the notification sound ({@link im.magpie.desktop.notify.WavSound})
 * and the unread count in the window title, the tray icon and the taskbar ({@link im.magpie.desktop.notify.UnreadBadges}).
 */
@NullMarked
package im.magpie.desktop.notify;

import org.jspecify.annotations.NullMarked;
