package io.sluice.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a View's FXML with the View itself as controller. */
public final class Fxml {
    private Fxml() {}

    public static Parent load(Object view, String resource) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource(resource));
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
