package io.sluice.ui.task;

import io.sluice.core.error.CancelledException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.CancelToken;
import io.sluice.core.service.ErrorMessages;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job in a {@code javafx.concurrent.Task} on a background thread. The job's progress and
 * message go through the Task (which hands them to the FX thread, coalesced); its result or one
 * plain sentence arrives on the FX thread.
 *
 * <p>A job starts once the window has drawn the frame that shows it started (a disabled button, the
 * tab it reports to, the veils over locked panels), at most {@value #FRAME_WAIT_MS} ms later. That
 * frame took the software renderer 30-40 ms of CPU; drawn while an export's threads and the server
 * took both cores of the benchmark's machine, it was the longest wait of the FX thread in most
 * exports (docs/benchmarks.md, eighteenth pass).
 */
public final class UiTaskExecutor implements TaskExecutor {
    private static final Logger log = LoggerFactory.getLogger(UiTaskExecutor.class);

    /** The longest a job waits for its first frame: about six frames at 60 Hz. */
    static final long FRAME_WAIT_MS = 100;
    private final long frameWaitMs;

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sluice-ui-task");
        t.setDaemon(true);
        return t;
    });

    public UiTaskExecutor() {
        this(FRAME_WAIT_MS);
    }

    /** With another longest wait for the first frame (a test's, on a busy machine). */
    UiTaskExecutor(long frameWaitMs) {
        this.frameWaitMs = frameWaitMs;
    }

    @Override
    public <T> TaskHandle execute(BackgroundJob<T> job, Outcome<T> outcome) {
        CancelToken token = new CancelToken();
        JobTask<T> task = new JobTask<>(job, token);
        task.setOnSucceeded(e -> outcome.succeeded(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof CancelledException) {
                outcome.cancelled();
            } else {
                if (!(t instanceof SluiceException)) {
                    log.warn("background job failed", t); // the service logs its own; anything else is a bug
                }
                outcome.failed(ErrorMessages.describe(t, null));
            }
        });
        FramesDrawn frames = FramesDrawn.fromNow();
        pool.submit(() -> {
            frames.await(frameWaitMs);
            task.run();
        });
        return new Handle(task, token);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    /** Task's own progress and message properties serve as the handle's. */
    private record Handle(Task<?> task, CancelToken cancelToken) implements TaskHandle {
        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return task.progressProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return task.messageProperty();
        }
    }

    private static final class JobTask<T> extends Task<T> implements JobContext {
        private final BackgroundJob<T> job;
        private final CancelToken token;

        JobTask(BackgroundJob<T> job, CancelToken token) {
            this.job = job;
            this.token = token;
        }

        @Override
        protected T call() throws Exception {
            return job.run(this);
        }

        @Override
        public CancelToken cancelToken() {
            return token;
        }

        @Override
        public void updateProgress(double fraction) {
            // Task's own: -1 is indeterminate, and values reach the FX thread coalesced
            super.updateProgress(fraction, fraction < 0 ? -1 : 1);
        }

        @Override
        public void updateMessage(String message) {
            super.updateMessage(message);
        }

        @Override
        public void onUiThread(Runnable action) {
            Platform.runLater(action);
        }
    }
}
