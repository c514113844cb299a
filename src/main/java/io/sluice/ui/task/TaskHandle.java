package io.sluice.ui.task;

import io.sluice.core.export.CancelToken;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A started job: its progress and message to bind to, and Cancel (the job cleans up, then reports cancelled). */
public interface TaskHandle {
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    CancelToken cancelToken();

    default void cancel() {
        cancelToken().cancel();
    }
}
