package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The benchmark's window measurements (not part of {@code verify}; bench/run.sh runs it by name): the
 * real window, headless, exports a table of the benchmark server and reports the time from Start to
 * the first preview row on screen, and the FX thread's longest stall: a probe posts a task to the FX
 * thread every 5 ms and keeps the longest wait before one ran.
 * Needs -Dbench.dsn=mysql://root@127.0.0.1:PORT/bench and -Dbench.table; writes target/ui-bench.txt.
 */
@ExtendWith(ApplicationExtension.class)
class ExportUiBench {
    @TempDir
    static Path settings;
    @TempDir
    Path out;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(null, settings);
        stage.setScene(window.scene());
        stage.show();
    }

    @Test
    void exportOfTheBenchmarkTable(FxRobot robot) throws Exception {
        String dsn = System.getProperty("bench.dsn");
        String table = System.getProperty("bench.table", "mixed");
        WindowDriver driver = new WindowDriver(robot, window);
        driver.connect(dsn, "");
        WindowDriver.waitFor(() -> window.connection().connectedProperty().get() != null);
        driver.selectTable("bench", table);
        AtomicLong firstRowAt = new AtomicLong();
        // the rows in the grid
        javafx.scene.control.TableView<?> grid = robot.lookup("#sampleTable").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> grid.getItems().addListener((ListChangeListener<Object>) c -> {
            if (!grid.getItems().isEmpty()) {
                firstRowAt.compareAndSet(0, System.nanoTime());
            }
        }));
        StringBuilder previews = new StringBuilder();
        // Preview (Ctrl+P): the time to the first rows in the grid, cold and warm
        for (String run : new String[] {"first", "second"}) {
            robot.interact(() -> window.export().previewRows().clear());
            long asked = System.nanoTime();
            robot.interact(() -> window.export().preview());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.export().previewRunningProperty().get()
                    && !window.export().previewRows().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            previews.append(String.format(Locale.ROOT, "| %s preview (100 rows) | %.0f ms from Ctrl+P to the rows in the grid |%n", run,
                    (System.nanoTime() - asked) / 1e6));
        }
        StringBuilder report = new StringBuilder();
        // twice: the first pays for class loading and the JIT, the second shows the window's steady state
        for (String run : new String[] {"first", "second"}) {
            Path target = out.resolve(run + ".parquet");
            robot.interact(() -> window.export().targetProperty().set(target.toString()));
            firstRowAt.set(0);
            StallProbe probe = new StallProbe();
            FxSampler sampler = new FxSampler();
            robot.interact(sampler::attach);
            probe.start();
            long started = System.nanoTime();
            robot.interact(() -> robot.lookup("#startButton").queryButton().fire());
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !window.export().runningProperty().get()
                    && (window.export().summaryProperty().get() != null || window.export().messageIsErrorProperty().get()));
            long ended = System.nanoTime();
            probe.stop();
            sampler.stop();
            if (System.getProperty("bench.stallStacks") != null) {
                System.out.println("=== " + run + " export: the FX thread during its longest stall");
                System.out.println(sampler.during(probe.longestPostedAt.get(), probe.longestPostedAt.get() + probe.longest.get()));
            }
            assertTrue(window.export().summaryProperty().get() != null, window.export().messageProperty().get());
            assertTrue(Files.size(target) > 0);
            long rows = window.export().summaryProperty().get().rows();
            report.append(String.format(Locale.ROOT,
                    "| %s export in the window | %d | %.2f | %.0f | %.1f (at %.0f ms; CPU of the FX thread %.0f ms, of the renderer %.0f ms) | %d |%n", run, rows,
                    (ended - started) / 1e9, (firstRowAt.get() - started) / 1e6, probe.longestMillis(), probe.longestAtMillis(started),
                    probe.longestCpuMillis(), probe.longestRenderCpuMillis(), probe.probes()));
            robot.interact(() -> window.export().summaryProperty().set(null));
        }
        String md = "| bench." + table + " | rows | wall s (Start to summary) | first preview row on screen, ms after Start"
                + " | longest FX-thread stall, ms | probes |\n|---|---|---|---|---|---|\n" + report
                + "\n| preview of bench." + table + " | time |\n|---|---|\n" + previews;
        Files.writeString(Path.of("target", "ui-bench.txt"), md);
        System.out.print(md);
        try (var files = Files.list(out)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().contains("sluice-tmp")).count());
        }
    }

    /**
     * Samples the FX thread's stack, and the render thread's (tagged [render]), every 2 ms (only with
     * -Dbench.stallStacks: the sampling itself takes CPU), to say what the longest stall was made of. Counts are samples × 2 ms; on a busy
     * machine the sampler gets fewer turns than that.
     */
    private static final class FxSampler {
        private record Sample(long at, String stack) {}

        private final java.util.Queue<Sample> samples = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private volatile boolean running = System.getProperty("bench.stallStacks") != null;
        private Thread fx;
        private Thread thread;

        void attach() {
            fx = Thread.currentThread();
            thread = new Thread(() -> {
                Thread renderer = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                while (running) {
                    sample(fx, "");
                    if (renderer != null) {
                        sample(renderer, "[render] ");
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample(Thread sampled, String tag) {
            StackTraceElement[] st = sampled.getStackTrace();
            StringBuilder b = new StringBuilder(tag);
            for (int i = 0; i < Math.min(st.length, 24); i++) {
                b.append(st[i].getClassName().replaceAll(".*\\.", "")).append('.').append(st[i].getMethodName()).append(" < ");
            }
            samples.add(new Sample(System.nanoTime(), b.toString()));
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }

        String during(long from, long to) {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            for (Sample sample : samples) {
                if (sample.at() >= from && sample.at() <= to) {
                    counts.merge(sample.stack(), 1, Integer::sum);
                }
            }
            StringBuilder out = new StringBuilder();
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                    .forEach(e -> out.append(e.getValue() * 2).append(" ms  ").append(e.getKey()).append('\n'));
            return out.toString();
        }
    }

    /**
     * Posts to the FX thread every 5 ms; the longest time a post waited is the longest stall. It also keeps
     * the FX thread's own CPU time from the run before the stall to its end: a stall much longer than that
     * CPU was the thread waiting for a core (the export's threads and the server share two), not working.
     */
    private static final class StallProbe {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
        private final AtomicLong longest = new AtomicLong();
        private final AtomicLong longestPostedAt = new AtomicLong();
        private final AtomicLong longestCpu = new AtomicLong();
        private final AtomicLong longestRenderCpu = new AtomicLong();
        private long lastCpu = -1; // FX thread only
        private long lastRenderCpu = -1;
        /** Prism's render thread: a stall with little FX CPU may be the FX thread waiting for its frame. */
        private final long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        private final AtomicLong count = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "fx-stall-probe");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            WaitForAsyncUtils.waitForFxEvents();
        }

        private void run() {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long renderCpu = renderer < 0 ? -1 : THREADS.getThreadCpuTime(renderer);
                    if (waited > longest.get()) {
                        longest.set(waited);
                        longestPostedAt.set(posted);
                        longestCpu.set(lastCpu < 0 ? -1 : cpu - lastCpu);
                        longestRenderCpu.set(lastRenderCpu < 0 || renderCpu < 0 ? -1 : renderCpu - lastRenderCpu);
                    }
                    lastCpu = cpu;
                    lastRenderCpu = renderCpu;
                    count.incrementAndGet();
                });
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** When the longest stall began, in ms after {@code t0}. */
        double longestAtMillis(long t0) {
            return (longestPostedAt.get() - t0) / 1e6;
        }

        double longestMillis() {
            return longest.get() / 1e6;
        }

        /** The FX thread's CPU from the probe before the longest stall to its end, ms (NaN before a first probe). */
        double longestCpuMillis() {
            return longestCpu.get() < 0 ? Double.NaN : longestCpu.get() / 1e6;
        }

        /** The render thread's CPU over the same span, ms (NaN if it was not found). */
        double longestRenderCpuMillis() {
            return longestRenderCpu.get() < 0 ? Double.NaN : longestRenderCpu.get() / 1e6;
        }

        long probes() {
            return count.get();
        }
    }
}
