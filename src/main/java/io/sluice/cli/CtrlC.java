package io.sluice.cli;

import io.sluice.core.export.CancelToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ctrl-C while exporting: cancel, and let the export delete its temp file before the JVM exits. */
final class CtrlC implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CtrlC(CancelToken cancel) {
        hook = new Thread(() -> {
            cancel.cancel();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The export is over: a Ctrl-C shutdown may finish now. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C is in progress; the hook is already running
        }
    }
}
