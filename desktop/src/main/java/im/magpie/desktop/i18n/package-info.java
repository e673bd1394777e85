/** Translated texts (English and zh-CN resource bundles). */
@NullMarked
package im.magpie.desktop.i18n;

import org.jspecify.annotations.NullMarked;
