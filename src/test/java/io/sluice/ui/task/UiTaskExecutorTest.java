package io.sluice.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.SharedResources;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window's executor: a job waits for the frame that shows it started, and never for long. */
@ExtendWith(ApplicationExtension.class)
@ResourceLock(SharedResources.JAVAFX)
class UiTaskExecutorTest {
    private final UiTaskExecutor tasks = new UiTaskExecutor();
    /** For the frames' test: a wait long enough that a busy machine's slow pulses still come first. */
    private final UiTaskExecutor patient = new UiTaskExecutor(10_000);

    @AfterEach
    void shutdown() {
        tasks.shutdown();
        patient.shutdown();
    }

    @Test
    void aJobStartsAfterTheFramesThatShowItStarted(FxRobot robot) throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        AtomicInteger pulsesWhenItRan = new AtomicInteger(-1);
        CompletableFuture<String> result = new CompletableFuture<>();
        robot.interact(() -> {
            counter.start();
            patient.execute(ctx -> {
                pulsesWhenItRan.set(pulses.get());
                return "done";
            }, outcome(result));
        });
        assertEquals("done", result.get(10, TimeUnit.SECONDS), "its outcome on the FX thread");
        robot.interact(counter::stop);
        assertTrue(pulsesWhenItRan.get() >= 2, "ran after " + pulsesWhenItRan.get() + " pulses");
    }

    @Test
    void aJobStartsAllTheSameWhenTheFxThreadIsBusy(FxRobot robot) throws Exception {
        AtomicLong ranAt = new AtomicLong();
        AtomicLong released = new AtomicLong();
        CompletableFuture<String> result = new CompletableFuture<>();
        robot.interact(() -> {
            tasks.execute(ctx -> {
                ranAt.set(System.nanoTime());
                return "done";
            }, outcome(result));
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UiTaskExecutor.FRAME_WAIT_MS * 5);
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // no pulse comes while the FX thread is held
            }
            released.set(System.nanoTime());
        });
        assertEquals("done", result.get(10, TimeUnit.SECONDS));
        assertTrue(ranAt.get() != 0 && ranAt.get() < released.get(), "the job ran while the FX thread was still busy");
    }

    private static <T> Outcome<T> outcome(CompletableFuture<T> result) {
        return Outcome.of(result::complete, sentence -> result.completeExceptionally(new AssertionError(sentence)));
    }
}
