package io.sluice.ui.task;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Tells a background thread when the window has drawn what the FX thread changed before now. An
 * animation timer runs at the start of each pulse; a pulse waits for the frame before it to be drawn,
 * so at the third pulse from now the first one's frame is on screen.
 */
final class FramesDrawn {
    private static final int PULSES = 3;
    private final CountDownLatch drawn = new CountDownLatch(1);

    private FramesDrawn() {}

    /** Starts counting pulses; on the FX thread, or already drawn on any other (nothing there to draw). */
    static FramesDrawn fromNow() {
        FramesDrawn frames = new FramesDrawn();
        if (!Platform.isFxApplicationThread()) {
            frames.drawn.countDown();
            return frames;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= PULSES) {
                    frames.drawn.countDown();
                    stop();
                }
            }
        }.start();
        return frames;
    }

    /**
     * Waits until the frame is drawn or {@code millis} have passed (pulses stop while the FX thread is
     * busy, and a job must start all the same); keeps an interrupt for the job to see.
     */
    void await(long millis) {
        try {
            drawn.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
