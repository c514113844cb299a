package io.sluice.ui.task;

/** Long work for a {@link TaskExecutor}: it reports through its context and may be cancelled through it. */
@FunctionalInterface
public interface BackgroundJob<T> {
    T run(JobContext context) throws Exception;
}
