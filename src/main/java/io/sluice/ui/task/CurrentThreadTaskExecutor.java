package io.sluice.ui.task;

import io.sluice.core.error.CancelledException;
import io.sluice.core.export.CancelToken;
import io.sluice.core.service.ErrorMessages;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs each job at once on the calling thread, outcome included: ViewModel tests drive whole
 * success and failure paths without a window or an FX thread.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle execute(BackgroundJob<T> job, Outcome<T> outcome) {
        Handle handle = new Handle();
        T value;
        try {
            value = job.run(handle);
        } catch (CancelledException e) {
            outcome.cancelled();
            return handle;
        } catch (Exception e) {
            outcome.failed(ErrorMessages.describe(e, null));
            return handle;
        }
        outcome.succeeded(value);
        return handle;
    }

    private static final class Handle implements JobContext, TaskHandle {
        private final CancelToken token = new CancelToken();
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

        @Override
        public CancelToken cancelToken() {
            return token;
        }

        @Override
        public void updateProgress(double fraction) {
            progress.set(fraction);
        }

        @Override
        public void updateMessage(String text) {
            message.set(text);
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
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
