package im.magpie.desktop.settings;

/** The colour theme of the desktop client (AtlantaFX Primer light or dark). */
public enum Theme {
    LIGHT,
    DARK
}
