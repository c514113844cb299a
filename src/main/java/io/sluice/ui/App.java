package io.sluice.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one workbench window. */
public final class App extends Application {
    private MainWindow window;

    public static void launchWindow(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(getHostServices());
        stage.setTitle("Sluice — MySQL/MariaDB to Parquet");
        stage.getIcons().add(new javafx.scene.image.Image(App.class.getResource("sluice.png").toExternalForm()));
        stage.setScene(window.scene());
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
