package io.sluice.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one workbench window. */
public final class App extends Application {
    /** Set by the build's training start of the window, which only needs the way to the first frame. */
    public static final String EXIT_AFTER_FIRST_FRAME = "sluice.exitAfterFirstFrame";
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
        reportFirstFrame(window.scene());
        stage.show();
    }

    /**
     * Logs how long after the process started the window was first laid out for painting: the
     * "window opens" figure of docs/benchmarks.md, which bench/run.sh reads from the log.
     */
    private static void reportFirstFrame(Scene scene) {
        scene.addPostLayoutPulseListener(new FirstFrame(scene));
    }

    private static final class FirstFrame implements Runnable {
        private final Scene scene;
        private boolean done;

        FirstFrame(Scene scene) {
            this.scene = scene;
        }

        @Override
        public void run() {
            if (done) {
                return;
            }
            done = true;
            Platform.runLater(() -> scene.removePostLayoutPulseListener(this)); // the scene is walking its listeners now
            ProcessHandle.current().info().startInstant().ifPresent(t -> LoggerFactory.getLogger(App.class)
                    .info("window ready {} ms after the process started", Duration.between(t, Instant.now()).toMillis()));
            if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) {
                Platform.runLater(Platform::exit); // the build's training start (FinishAppImage) ends here
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
