package io.sluice.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The window's look: AtlantaFX's Primer, light or dark, for the whole application. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The saved name, or LIGHT for none or an unknown one. */
    public static Theme of(String name) {
        return "DARK".equals(name) ? DARK : LIGHT;
    }
}
