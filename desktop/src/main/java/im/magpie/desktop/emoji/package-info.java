/** Colour emoji drawn from bundled Twemoji images: the catalogue, inline rendering and the picker. */
@NullMarked
package im.magpie.desktop.emoji;

import org.jspecify.annotations.NullMarked;
