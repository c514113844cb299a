package io.sluice.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The window (placeholder until the workbench lands). */
public final class App extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Sluice");
        stage.setScene(new Scene(new Label("Sluice"), 400, 200));
        stage.show();
    }
}
