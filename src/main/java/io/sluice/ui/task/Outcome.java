package io.sluice.ui.task;

import io.sluice.core.error.CancelledException;
import java.util.function.Consumer;

/** How a job ended, heard on the ViewModel's thread. A failure is already one plain sentence. */
public interface Outcome<T> {
    void succeeded(T value);

    void failed(String sentence);

    default void cancelled() {
        failed(new CancelledException().getMessage());
    }

    /** For handlers that only need success and failure. */
    static <T> Outcome<T> of(Consumer<T> onSuccess, Consumer<String> onFailure) {
        return new Outcome<>() {
            @Override
            public void succeeded(T value) {
                onSuccess.accept(value);
            }

            @Override
            public void failed(String sentence) {
                onFailure.accept(sentence);
            }
        };
    }
}
