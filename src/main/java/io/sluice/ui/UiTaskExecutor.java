package io.sluice.ui;

import io.sluice.core.error.CancelledException;
import io.sluice.core.error.ErrorMessages;
import io.sluice.core.export.CancelToken;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way long work leaves the FX thread: a core job wrapped in a {@code javafx.concurrent.Task}
 * on a background thread, its result or one plain sentence delivered back on the FX thread.
 */
public final class UiTaskExecutor {
    private static final Logger log = LoggerFactory.getLogger(UiTaskExecutor.class);

    /** Work that may be cancelled through its token. */
    @FunctionalInterface
    public interface Job<T> {
        T run(CancelToken cancel) throws Exception;
    }

    /** A started job: Cancel asks the core job to stop (it cleans up, then reports cancelled). */
    public record Running<T>(Task<T> task, CancelToken token) {
        public void cancel() {
            token.cancel();
        }
    }

    /** Where results land: the outcome handlers always run on the FX thread. */
    public interface Outcome<T> {
        void succeeded(T value);

        void failed(String sentence);

        default void cancelled() {
            failed(new CancelledException().getMessage());
        }
    }

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sluice-ui-task");
        t.setDaemon(true);
        return t;
    });

    public <T> Running<T> submit(String what, Job<T> job, Outcome<T> outcome) {
        CancelToken token = new CancelToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run(token);
            }
        };
        task.setOnSucceeded(e -> outcome.succeeded(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof CancelledException) {
                outcome.cancelled();
            } else {
                log.warn("{} failed", what, t);
                outcome.failed(ErrorMessages.describe(t, null));
            }
        });
        pool.submit(task);
        return new Running<>(task, token);
    }

    /** Convenience for handlers that only need success and failure. */
    public static <T> Outcome<T> outcome(Consumer<T> onSuccess, Consumer<String> onFailure) {
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
