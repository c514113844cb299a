package io.sluice.ui.task;

import io.sluice.core.error.CancelledException;
import io.sluice.core.export.CancelToken;
import io.sluice.core.service.ErrorMessages;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs each job at once on the calling thread, outcome included: ViewModel tests drive whole
 * success and failure paths without a window or an FX thread. What the job hands to the UI thread
 * (from any thread of the engine) runs on the calling thread, in order, once the job returns.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(BackgroundJob<T> job, Outcome<T> outcome) {
        Handle handle = new Handle();
        T value;
        try {
            value = job.run(handle);
        } catch (CancelledException e) {
            handle.runUiActions();
            outcome.cancelled();
            return handle;
        } catch (Exception | Error e) {
            handle.runUiActions();
            outcome.failed(ErrorMessages.describe(e, null));
            return handle;
        }
        handle.runUiActions();
        outcome.succeeded(value);
        return handle;
    }

    private static final class Handle implements JobContext, TaskHandle {
        private final CancelToken token = new CancelToken();
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final List<Runnable> uiActions = new ArrayList<>();
        private double lastProgress = -1;
        private String lastMessage = "";

        @Override
        public CancelToken cancelToken() {
            return token;
        }

        @Override
        public synchronized void updateProgress(double fraction) {
            lastProgress = fraction;
        }

        @Override
        public synchronized void updateMessage(String text) {
            lastMessage = text;
        }

        @Override
        public synchronized void onUiThread(Runnable action) {
            uiActions.add(action);
        }

        /** On the calling thread: what the job handed over, and its last progress and message (as a Task coalesces them). */
        synchronized void runUiActions() {
            uiActions.forEach(Runnable::run);
            uiActions.clear();
            progress.set(lastProgress);
            message.set(lastMessage);
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }
    }
}
