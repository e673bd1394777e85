/** Pictures in the chat: thumbnails, the viewer window, pasted images and the screen region capture. */
@NullMarked
package im.magpie.desktop.image;

import org.jspecify.annotations.NullMarked;
