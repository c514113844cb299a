package io.sluice.ui.task;

/**
 * The one way ViewModels run long work: the window's implementation runs it in a
 * {@code javafx.concurrent.Task} off the FX thread ({@link UiTaskExecutor}); tests use
 * {@link CurrentThreadTaskExecutor}, which runs it at once on the caller's thread.
 */
public interface TaskExecutor {
    /** Starts {@code job}; {@code outcome} hears how it ended, on the thread the ViewModel lives on. */
    <T> TaskHandle execute(BackgroundJob<T> job, Outcome<T> outcome);

    /** Stops accepting work and lets running jobs end. */
    default void shutdown() {}
}
