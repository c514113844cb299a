package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.CancelledException;
import io.sluice.core.export.CancelToken;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.service.JsonShapes;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Stream a table into a Parquet file.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The Parquet file to write (replaced only on success).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "zstd", description = "zstd, snappy, gzip, lz4 or none (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--row-group-rows", paramLabel = "N", defaultValue = "1048576", description = "Rows per row group at most (default: ${DEFAULT-VALUE}).")
    int rowGroupRows;

    @Option(names = "--row-group-mb", paramLabel = "MB", defaultValue = "64", description = "Row-group size in MiB at most (default: ${DEFAULT-VALUE}).")
    int rowGroupMb;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        WriterOptions options = WriterOptions.DEFAULTS.withCompression(Compression.parse(compression))
                .withRowGroupRows(rowGroupRows).withRowGroupBytes((long) rowGroupMb << 20);
        ExportRequest request = ExportRequest.builder(tableOptions.source(cs.dsn()), out).columns(tableOptions.columns)
                .overrides(tableOptions.overrides()).where(tableOptions.where).limit(limit).writerOptions(options).sampleRows(0).build();
        CancelToken cancel = new CancelToken();
        CountDownLatch done = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            cancel.cancel();
            try {
                done.await(10, TimeUnit.SECONDS); // let the export delete its temp file before the JVM exits
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress != null ? progress : System.console() != null;
        try {
            ExportListener listener = showProgress ? new ProgressLine(err) : ExportListener.NONE;
            ExportSummary s = root.service().export(cs, request, listener, cancel);
            if (showProgress) {
                err.println();
            }
            print(s);
            return 0;
        } catch (CancelledException e) {
            if (showProgress) {
                err.println();
            }
            // said here, before the latch lets a Ctrl-C shutdown hook finish and the JVM halt
            err.println(e.getMessage());
            err.flush();
            return SluiceCli.EXIT_CANCELLED;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C is in progress; the hook is already running
            }
        }
    }

    private void print(ExportSummary s) {
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOut.write(JsonShapes.exportSummary(s)));
        } else {
            o.println(s.sentence());
            for (ExportSummary.ColumnSummary c : s.columns()) {
                if (c.nulledValues() > 0) {
                    o.printf(Locale.ROOT, "  %s: %,d values the mapping cannot hold were written as NULL.%n", c.name(), c.nulledValues());
                }
            }
        }
        o.flush();
    }

    /** A one-line progress display on a terminal. */
    private static final class ProgressLine implements ExportListener {
        private final PrintWriter err;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(ExportProgress p) {
            err.print("\r" + p.line() + "   ");
            err.flush();
        }
    }
}
