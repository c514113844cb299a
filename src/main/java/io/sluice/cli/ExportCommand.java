package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.CancelledException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.BatchListener;
import io.sluice.core.export.CancelToken;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.FileNames;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.job.Job;
import io.sluice.core.job.JobFiles;
import io.sluice.core.schema.Source;
import io.sluice.core.service.JsonShapes;
import io.sluice.core.service.TableMatch;
import io.sluice.core.split.SplitOptions;
import io.sluice.core.split.SplitSummary;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Stream a table or a query into a Parquet file, or several tables into a folder.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  sluice export --dsn mysql://me@db/shop --table orders --out orders.parquet",
            "  sluice export --dsn mysql://me@db/shop --table 'shop.*' --out-dir dump \\",
            "      --save-job shop.json",
            "  sluice export --dsn mysql://me@db/shop --out totals.parquet \\",
            "      --query 'SELECT id, total FROM orders WHERE total > 100'",
            "  sluice export --dsn mysql://me@db/shop --table events --out events \\",
            "      --max-rows-per-file 5000000",
            "",
            "Password: -p asks for it, --password-stdin reads it, or set SLUICE_PASSWORD."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "The Parquet file to write (replaced only on success).")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "With several tables (or a glob): write DIR/<database>/<table>.parquet, one after another.")
    Path outDir;

    @Option(names = "--save-job", paramLabel = "FILE",
            description = "Also save the whole export as a job file (no password) for 'sluice run FILE'.")
    Path saveJob;

    @Option(names = "--max-rows-per-file", paramLabel = "N",
            description = "Cut the table into parts of at most N rows: --out names a folder of part-*.parquet and a manifest.")
    long maxRowsPerFile;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Cut into parts of about SIZE on disk (256MB, 1GB), in the --out folder: a part closes after the"
                    + " batch that reaches it.")
    String maxFileSize;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Read N key ranges over N connections at once (the primary key or a unique NOT NULL number or date):"
                    + " into one file when --out ends in .parquet and no parts are asked for (with --out-dir, each table into"
                    + " its file), else --out names a folder of"
                    + " part-*.parquet and a manifest. The ranges share one snapshot of an InnoDB table (a brief LOCK TABLES READ;"
                    + " without that privilege each range is its own snapshot, and the export says so).")
    int parallel;

    @Option(names = "--chunk", paramLabel = "i/N", description = "Export only the i-th of N key ranges, for an orchestrator.")
    String chunk;

    @Option(names = "--resume", description = "Continue the export the --out folder holds: complete parts stay, the rest is written.")
    boolean resume;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "zstd", description = "zstd, snappy, gzip, lz4 or none (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--row-group-rows", paramLabel = "N", defaultValue = "1048576", description = "Rows per row group at most (default: ${DEFAULT-VALUE}).")
    int rowGroupRows;

    @Option(names = "--row-group-mb", paramLabel = "MB", defaultValue = "64", description = "Row-group size in MiB at most (default: ${DEFAULT-VALUE}).")
    int rowGroupMb;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        checkCounts();
        ConnectionSpec cs = connection.toSpec();
        WriterOptions options = WriterOptions.DEFAULTS.withCompression(Compression.parse(compression))
                .withRowGroupRows(rowGroupRows).withRowGroupBytes((long) rowGroupMb << 20);
        boolean parts = maxRowsPerFile > 0 || maxFileSize != null || chunk != null || resume;
        if (parts && (outDir != null || tableOptions.severalTables())) {
            throw new IllegalArgumentException("Parts, --chunk and --resume take one table and --out.");
        }
        if (outDir != null || tableOptions.severalTables()) {
            return exportTables(cs, options); // each table over --parallel connections into its file
        }
        if ((parts || parallel > 1) && tableOptions.query != null) { // the engine says the same; here a usage error (exit 2)
            throw new IllegalArgumentException(parts ? "Split and parallel exports take a table; export a query to one file."
                    : "--parallel takes a table; export a query without it.");
        }
        if (parts || parallel > 1) {
            return exportParts(cs, options);
        }
        if (out == null) {
            throw new IllegalArgumentException("Give --out FILE (or --out-dir DIR for several tables)."
                    + " Run 'sluice export --help' for the options.");
        }
        Source source = tableOptions.source(cs.dsn());
        if (outNamesFolder()) { // the Path has lost the slash: it would be written as a file of that name
            Path suggested = out.resolve(FileNames.fileFor(source));
            throw new IllegalArgumentException("--out " + out + "/ names a folder; give the file's name in it (such as " + suggested
                    + "), or --out-dir for several tables.");
        }
        ExportRequest request = request(source, out.toAbsolutePath(), options, 1);
        CancelToken cancel = new CancelToken();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = output.showProgress();
        // the sentence is said inside the CtrlC block: closing it lets a Ctrl-C shutdown finish and the JVM halt
        try (CtrlC ctrlC = new CtrlC(cancel)) {
            return exportOne(cs, request, cancel, err, showProgress);
        }
    }

    /** One file, over one connection or over the request's connections, key ranges read at once. */
    private int exportOne(ConnectionSpec cs, ExportRequest request, CancelToken cancel, PrintWriter err, boolean showProgress) {
        try {
            ExportListener listener = showProgress ? BatchReport.progressLine(err, "") : ExportListener.NONE;
            ExportSummary s = root.service().export(cs, request, listener, cancel);
            if (showProgress) {
                err.println();
            }
            // a job is saved once it has worked: a job that cannot run is no use
            save(new Job(Job.VERSION, Job.Connection.of(cs), List.of(Job.Export.of(request, request.target().toString())), null,
                    compression, rowGroupRows, rowGroupMb));
            print(s);
            return 0;
        } catch (CancelledException e) {
            if (showProgress) {
                err.println();
            }
            err.println(e.getMessage());
            err.flush();
            return SluiceCli.EXIT_CANCELLED;
        }
    }

    /** Counts given as 0 or less would mean nothing, or fail later in terms of other units. */
    private void checkCounts() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--max-rows-per-file") && maxRowsPerFile < 1) {
            throw new IllegalArgumentException("--max-rows-per-file takes a number of rows, 1 or more.");
        }
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel takes a number of connections, 1 to 64.");
        }
        if (limit != null && (parallel > 1 || chunk != null || resume)) {
            throw new IllegalArgumentException("--limit cannot be combined with --parallel, --chunk or --resume.");
        }
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("--row-group-rows takes a number of rows, 1 or more.");
        }
        if (rowGroupMb < 1) {
            throw new IllegalArgumentException("--row-group-mb takes a size in MiB, 1 or more.");
        }
    }

    /** One table into a folder of parts: bounded files, parallel ranges, a chunk of N, resume. */
    private int exportParts(ConnectionSpec cs, WriterOptions options) {
        if (out == null) {
            throw new IllegalArgumentException("Give --out DIR: with split options it names the folder of the parts.");
        }
        int[] ch = chunk == null ? new int[] {0, 0} : SplitOptions.parseChunk(chunk);
        SplitOptions split = new SplitOptions(maxRowsPerFile, maxFileSize == null ? 0 : SplitOptions.parseSize(maxFileSize), parallel,
                ch[0], ch[1], resume);
        boolean oneFile = !outNamesFolder() && split.joinsInto(out.toAbsolutePath());
        if (!oneFile && saveJob != null) {
            throw new IllegalArgumentException("--save-job saves exports into files; a folder of parts (--max-rows-per-file,"
                    + " --max-file-size, --chunk, --resume, or --parallel into a folder) cannot be saved as a job yet.");
        }
        ExportRequest request = request(tableOptions.source(cs.dsn()), out.toAbsolutePath(), options, oneFile ? parallel : 1);
        CancelToken cancel = new CancelToken();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = output.showProgress();
        try (CtrlC ctrlC = new CtrlC(cancel)) {
            return oneFile ? exportOne(cs, request, cancel, err, showProgress) : exportSplit(cs, request, split, cancel, err, showProgress);
        }
    }

    private int exportSplit(ConnectionSpec cs, ExportRequest request, SplitOptions split, CancelToken cancel, PrintWriter err,
                            boolean showProgress) {
        try {
            SplitSummary s = root.service().exportSplit(cs, request, split,
                    showProgress ? BatchReport.progressLine(err, "") : ExportListener.NONE, cancel);
            if (showProgress) {
                err.println();
            }
            PrintWriter o = spec.commandLine().getOut();
            if (output.json) {
                o.println(JsonOut.write(JsonShapes.splitSummary(s)));
            } else {
                o.println(s.sentence());
                if (s.note() != null) {
                    o.println("  " + s.note());
                }
            }
            o.flush();
            return 0;
        } catch (CancelledException e) {
            if (showProgress) {
                err.println();
            }
            err.println("The export was cancelled; its complete parts stay, and --resume continues it.");
            err.flush();
            return SluiceCli.EXIT_CANCELLED;
        }
    }

    /** The --out value as typed: a {@link Path} drops a trailing separator, which says "a folder". */
    private boolean outNamesFolder() {
        CommandLine.Model.OptionSpec given = spec.commandLine().getParseResult().matchedOption("--out");
        return given != null && given.stringValues().stream().anyMatch(FileNames::namesFolder);
    }

    private ExportRequest request(Source source, Path target, WriterOptions options, int connections) {
        return ExportRequest.builder(source, target).columns(tableOptions.columns).overrides(tableOptions.overrides())
                .where(tableOptions.where).limit(limit).writerOptions(options).sampleRows(0).connections(connections).build();
    }

    /** Several tables into a folder: each its own atomic file; one failing does not stop the others. */
    private int exportTables(ConnectionSpec cs, WriterOptions options) {
        if (out != null && outDir != null) {
            throw new IllegalArgumentException("Give either --out FILE or --out-dir DIR, not both.");
        }
        if (out != null) {
            throw new IllegalArgumentException("With several tables, give --out-dir DIR instead of --out.");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("With several tables, give --out-dir DIR.");
        }
        Path dir = outDir.toAbsolutePath();
        List<TableMatch> matches = root.service().matchTables(cs, tableOptions.patterns(cs.dsn()));
        List<ExportRequest> requests = new ArrayList<>();
        List<Job.Export> exports = new ArrayList<>();
        // two globs may match one table: it is written once
        java.util.LinkedHashSet<Source.Table> tables = new java.util.LinkedHashSet<>();
        matches.forEach(m -> tables.addAll(m.tables()));
        FileNames.tableFiles(dir, List.copyOf(tables)).forEach((t, file) -> {
            ExportRequest r = request(t, file, options, parallel);
            requests.add(r);
            exports.add(Job.Export.of(r, dir.relativize(r.target()).toString().replace('\\', '/')));
        });
        save(new Job(Job.VERSION, Job.Connection.of(cs), exports, dir.toString(), compression, rowGroupRows, rowGroupMb));
        List<TableOutcome> outcomes = runAll(root, spec, cs, requests, output.showProgress(), done -> {
            // globs that matched nothing are failures of their own, listed after the tables
            for (TableMatch m : matches) {
                if (m.failure() != null) {
                    done.add(new TableOutcome(Source.table(m.pattern().database(), m.pattern().table()), null,
                            TableOutcome.State.FAILED, null, m.failure()));
                }
            }
            BatchReport.print(spec.commandLine().getOut(), done, output.json);
        });
        return BatchReport.exitCode(outcomes);
    }

    /**
     * Runs the requests one after another, creating each target's folder; Ctrl-C stops the running one.
     * {@code report} gets the outcomes (a list it may add to) before Ctrl-C's shutdown may go on, so
     * that the tables already written are listed even then.
     */
    static List<TableOutcome> runAll(SluiceCli root, CommandSpec spec, ConnectionSpec cs, List<ExportRequest> requests,
                                     boolean showProgress, Consumer<List<TableOutcome>> report) {
        for (ExportRequest r : requests) {
            try {
                Files.createDirectories(r.target().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new SluiceException("The folder " + r.target().toAbsolutePath().getParent()
                        + " cannot be created; choose a folder you can write to.", e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        CancelToken cancel = new CancelToken();
        try (CtrlC ctrlC = new CtrlC(cancel)) {
            List<TableOutcome> outcomes = new ArrayList<>(root.service().exportEach(cs, requests, new BatchListener() {
                /** The table whose progress line was begun: one not tried (cancelled, no connection) has none to end. */
                private int begun = -1;

                @Override
                public ExportListener table(int index) {
                    begun = index;
                    Source s = requests.get(index).source();
                    return showProgress ? BatchReport.progressLine(err, s instanceof Source.Table t ? t.name() : "query")
                            : ExportListener.NONE;
                }

                @Override
                public void finished(int index, TableOutcome outcome) {
                    if (showProgress && begun == index) {
                        err.println();
                    }
                }
            }, cancel));
            if (cancel.isCancelled()) {
                err.println(requests.size() == 1 ? new CancelledException().getMessage()
                        : "The export was cancelled; the tables listed as written are complete, and the one it stopped was left as it was.");
                err.flush();
            }
            report.accept(outcomes);
            return outcomes;
        }
    }

    private void save(Job job) {
        if (saveJob != null) {
            JobFiles.write(job, saveJob);
        }
    }

    private void print(ExportSummary s) {
        PrintWriter o = spec.commandLine().getOut();
        if (output.json) {
            o.println(JsonOut.write(JsonShapes.exportSummary(s)));
        } else {
            o.println(s.sentence());
            if (s.note() != null) {
                o.println("  " + s.note());
            }
            BatchReport.printNulledValues(o, "", s);
        }
        o.flush();
    }
}
