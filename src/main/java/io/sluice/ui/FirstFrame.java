package io.sluice.ui;

import io.sluice.core.ProcessStart;
import io.sluice.core.Warmup;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.LoggerFactory;

/**
 * What happens once the window's first frame is laid out for painting:
 * <ul>
 *   <li>it logs how long after the process started that was, the "window opens" figure of
 *       docs/benchmarks.md, which bench/run.sh reads from the log;</li>
 *   <li>the engine's warm-up starts ({@link Warmup}): the driver, Arrow and the Parquet writer load
 *       while the user types a password, not when they press Export (started earlier, it slowed the
 *       window's own start: both load classes from the same jars);</li>
 *   <li>with {@value #EXIT_AFTER_FIRST_FRAME}, the app quits: the build's training start of the window
 *       (FinishAppImage) only needs the way to the first frame.</li>
 * </ul>
 */
final class FirstFrame implements Runnable {
    static final String EXIT_AFTER_FIRST_FRAME = "sluice.exitAfterFirstFrame";
    private final Scene scene;
    private boolean done;

    private FirstFrame(Scene scene) {
        this.scene = scene;
    }

    static void watch(Scene scene) {
        scene.addPostLayoutPulseListener(new FirstFrame(scene));
    }

    @Override
    public void run() {
        if (done) {
            return;
        }
        done = true;
        Platform.runLater(() -> scene.removePostLayoutPulseListener(this)); // the scene is walking its listeners now
        ProcessStart.ofTheUsersCommand().ifPresent(t -> LoggerFactory.getLogger(FirstFrame.class)
                .info("window ready {} ms after the process started", Duration.between(t, Instant.now()).toMillis()));
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) {
            Platform.runLater(Platform::exit);
            return;
        }
        Warmup.startInBackground();
    }
}
