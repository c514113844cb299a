package io.sluice.ui.task;

import io.sluice.core.export.CancelToken;

/** What a running job may touch: its cancel token, its progress and message, and the UI thread. */
public interface JobContext {
    CancelToken cancelToken();

    /** 0..1, or -1 when the total is unknown. */
    void updateProgress(double fraction);

    void updateMessage(String message);

    /** Runs {@code action} on the thread the ViewModel lives on (the FX thread in the window). */
    void onUiThread(Runnable action);
}
