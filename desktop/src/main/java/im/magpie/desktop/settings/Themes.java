package im.magpie.desktop.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * Applies a {@link Theme} to every window at once: AtlantaFX's PrimerLight or PrimerDark as the user-agent
 * stylesheet. {@code desktop.css} draws with AtlantaFX's looked-up colours ({@code -color-bg-default},
 * {@code -color-fg-muted}, …), so it follows without a second stylesheet.
 */
public final class Themes {
    private Themes() {}

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(
                theme == Theme.DARK
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
    }
}
