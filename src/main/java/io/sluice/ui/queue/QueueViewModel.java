package io.sluice.ui.queue;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.BatchListener;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.FileNames;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.export.Units;
import io.sluice.core.job.Job;
import io.sluice.core.job.JobFiles;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.SluiceService;
import io.sluice.core.write.Compression;
import io.sluice.ui.DialogService;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.JobContext;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import io.sluice.ui.task.TaskHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Several tables exported to a folder as a queue, one after another: a row per table with its
 * state, rows, rate and bytes, and a bar for the whole. Cancel stops the running table (its target
 * untouched) and skips the rest (finished files stay). Jobs: Save job… writes the last export as
 * the CLI's job file, Open job… runs one, Run again repeats the last export.
 */
public final class QueueViewModel {
    /** One table of the queue as the queue table shows it. */
    public static final class Row {
        private final String table;
        private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("waiting");
        private final ReadOnlyStringWrapper rows = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper bytes = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

        Row(String table, String target) {
            this.table = table;
            detail.set(target);
        }

        public String table() {
            return table;
        }

        public ReadOnlyStringProperty stateProperty() {
            return state.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty rowsProperty() {
            return rows.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty rateProperty() {
            return rate.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty bytesProperty() {
            return bytes.getReadOnlyProperty();
        }

        /** The file, or why there is none. */
        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        void progress(ExportProgress p) {
            state.set("running");
            rows.set(String.format(Locale.ROOT, "%,d", p.rowsRead()));
            rate.set(String.format(Locale.ROOT, "%,.0f", p.rowsPerSecond()));
            bytes.set(Units.bytes(p.bytesWritten()));
        }

        /** A table read over several connections: its ranges being joined into its file. */
        void joining(long bytesWritten) {
            state.set("joining");
            bytes.set(Units.bytes(bytesWritten));
        }

        void finished(TableOutcome o) {
            state.set(o.state().name().toLowerCase(Locale.ROOT));
            if (o.done()) {
                rows.set(String.format(Locale.ROOT, "%,d", o.summary().rows()));
                rate.set(String.format(Locale.ROOT, "%,.0f", o.summary().rowsPerSecond()));
                bytes.set(Units.bytes(o.summary().fileBytes()));
                if (o.summary().note() != null) { // e.g. a view read as one stream although connections were set
                    detail.set(detail.get() + " — " + o.summary().note());
                }
            } else {
                detail.set(o.sentence());
            }
        }
    }

    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final DialogService dialogs;
    private final WorkbenchSettings settings;
    private final Supplier<Compression> compression;
    private final IntSupplier connections;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private TaskHandle current;
    private Job pending;

    /** @param compression the codec chosen in the export panel */
    public QueueViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state, DialogService dialogs,
                          WorkbenchSettings settings, Supplier<Compression> compression, IntSupplier connections) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        this.dialogs = dialogs;
        this.settings = settings;
        this.compression = compression;
        this.connections = connections;
        state.connectedProperty().addListener((o, old, spec) -> {
            if (spec != null && pending != null && sameServer(spec, pending)) {
                Job job = pending;
                pending = null;
                run(job);
            }
        });
    }

    /** Asks for a folder and exports every chosen table into it, each with its remembered choices. */
    public void exportChosenTables() {
        List<TableInfo> tables = List.copyOf(state.chosenTables());
        if (tables.isEmpty()) {
            message.set("Choose tables in the tree first (Ctrl- or Shift-click, or a database for all of its tables).");
            return;
        }
        Path initial = settings.get().targetFolder == null ? Path.of(System.getProperty("user.home")) : Path.of(settings.get().targetFolder);
        dialogs.chooseFolder("Export " + tables.size() + " tables to", initial).ifPresent(folder -> exportTables(tables, folder));
    }

    /** Exports the tables into {@code folder}/&lt;database&gt;/&lt;table&gt;.parquet as a queue. */
    public void exportTables(List<TableInfo> tables, Path folder) {
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec == null) {
            message.set("Connect first.");
            return;
        }
        Path dir = folder.toAbsolutePath();
        List<Job.Export> exports = new ArrayList<>();
        Map<Job.Export, List<String>> excludedOf = new java.util.HashMap<>(); // read here: the task runs off the FX thread
        Map<Source.Table, Path> files = FileNames.tableFiles(dir, tables.stream().map(t -> Source.table(t.database(), t.name())).toList());
        int n = connections.getAsInt(); // the form's "parallel connections", as --parallel with --out-dir
        for (TableInfo t : tables) {
            WorkbenchSettings.Choices c = settings.get().choices.get(WorkbenchState.choicesKey(Source.table(t.database(), t.name())));
            List<String> columns = List.of();
            Map<String, String> overrides = Map.of();
            String where = null;
            Long limit = null;
            if (c != null) {
                overrides = c.overrides;
                where = c.where;
                try {
                    limit = c.limit == null ? null : Long.parseLong(c.limit.replace(",", "").strip());
                } catch (NumberFormatException stale) {
                    limit = null;
                }
            }
            String out = dir.relativize(files.get(Source.table(t.database(), t.name()))).toString().replace('\\', '/');
            // a table with a remembered row limit is read over one connection: ranges take no limit
            Job.Export export = new Job.Export(t.database(), t.name(), null, columns, where, limit, overrides, out,
                    n > 1 && limit == null ? n : null);
            exports.add(export);
            if (c != null && !c.excluded.isEmpty()) {
                excludedOf.put(export, List.copyOf(c.excluded));
            }
        }
        settings.update(d -> d.targetFolder = dir.toString());
        String codec = compression.get().toString();
        message.set("Reading the chosen tables' columns …");
        // tables with columns left out are looked up on the server: off the FX thread
        tasks.execute(ctx -> {
            List<Job.Export> resolved = new ArrayList<>();
            for (Job.Export e : exports) {
                List<String> excluded = excludedOf.get(e);
                resolved.add(excluded != null ? withExcluded(spec, e, excluded) : e);
            }
            return new Job(Job.VERSION, Job.Connection.of(spec), resolved, dir.toString(), codec, null, null);
        }, Outcome.of(this::run, message::set));
    }

    /**
     * The columns to export when some were left out: the table's, less those. A table that cannot be
     * looked up stops the queue before it starts, rather than exporting columns the user left out.
     */
    private Job.Export withExcluded(ConnectionSpec spec, Job.Export e, List<String> excluded) {
        List<String> keep = service.inspect(spec, Source.table(e.database(), e.table()), false).columns().stream()
                .map(c -> c.name()).filter(n -> !excluded.contains(n)).toList();
        return new Job.Export(e.database(), e.table(), null, keep, e.where(), e.limit(), e.overrides(), e.out(), e.connections());
    }

    /** Runs a job's exports as the queue (the connection must be the job's). */
    public void run(Job job) {
        ConnectionSpec spec = state.connectedProperty().get();
        if (state.exportRunningProperty().get()) {
            return;
        }
        if (spec == null) {
            message.set("Connect first.");
            return;
        }
        List<ExportRequest> requests;
        try {
            requests = job.requests();
            for (ExportRequest r : requests) {
                Files.createDirectories(r.target().toAbsolutePath().getParent());
            }
        } catch (IllegalArgumentException | SluiceException e) {
            message.set(e.getMessage());
            return;
        } catch (IOException e) {
            message.set("The folder of the job's files cannot be created; choose a folder you can write to.");
            return;
        }
        List<Row> queue = new ArrayList<>();
        for (ExportRequest r : requests) {
            Source s = r.source();
            queue.add(new Row(s instanceof Source.Table t ? t.database() + "." + t.name() : "query", r.target().toString()));
        }
        rows.setAll(queue);
        state.lastJobProperty().set(job);
        state.exportRunningProperty().set(true);
        progress.set(0);
        message.set("Exporting " + requests.size() + (requests.size() == 1 ? " table" : " tables") + " …");
        current = tasks.execute(ctx -> service.exportEach(spec, requests, new RowUpdates(ctx, queue), ctx.cancelToken()),
                new Outcome<List<TableOutcome>>() {
                    @Override
                    public void succeeded(List<TableOutcome> outcomes) {
                        progress.unbind();
                        state.exportRunningProperty().set(false);
                        progress.set(1);
                        long done = outcomes.stream().filter(TableOutcome::done).count();
                        long failed = outcomes.stream().filter(o -> o.state() == TableOutcome.State.FAILED).count();
                        boolean cancelled = outcomes.stream().anyMatch(o -> o.state() == TableOutcome.State.CANCELLED);
                        message.set(String.format(Locale.ROOT, "Wrote %d of %d %s%s%s.", done, outcomes.size(),
                                outcomes.size() == 1 ? "table" : "tables", failed == 0 ? "" : "; " + failed + " failed",
                                cancelled ? "; cancelled, the rest skipped" : ""));
                    }

                    @Override
                    public void failed(String sentence) {
                        progress.unbind();
                        state.exportRunningProperty().set(false);
                        message.set(sentence);
                    }
                });
        if (state.exportRunningProperty().get()) {
            progress.bind(current.progressProperty()); // the task's progress drives the bar while it runs
        }
    }

    /** Each table's progress on its row, and the whole queue's on the bar. */
    private final class RowUpdates implements BatchListener {
        private final JobContext ctx;
        private final List<Row> queue;

        RowUpdates(JobContext ctx, List<Row> queue) {
            this.ctx = ctx;
            this.queue = queue;
        }

        @Override
        public ExportListener table(int index) {
            return new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    double f = Math.max(0, p.fraction());
                    ctx.updateProgress((index + f) / queue.size());
                    ctx.onUiThread(() -> queue.get(index).progress(p));
                }

                @Override
                public void joining(long bytesWritten, long bytesInAll) {
                    ctx.onUiThread(() -> queue.get(index).joining(bytesWritten));
                }
            };
        }

        @Override
        public void finished(int index, TableOutcome outcome) {
            ctx.updateProgress((index + 1.0) / queue.size());
            ctx.onUiThread(() -> queue.get(index).finished(outcome));
        }
    }

    public void cancel() {
        if (current != null && state.exportRunningProperty().get()) {
            message.set("Cancelling …");
            current.cancel();
        }
    }

    /** Repeats the last export (single or several tables), on the server it was made from. */
    public void runAgain() {
        Job job = state.lastJobProperty().get();
        if (job == null) {
            message.set("Nothing to repeat: Run again repeats the last export into a file or several tables (a folder of parts"
                    + " is not kept as a job yet).");
            return;
        }
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec != null && !sameServer(spec, job)) {
            message.set("The last export came from " + job.connection().dsn() + "; connect to it again to repeat it.");
            return;
        }
        run(job);
    }

    /** The same user, host, port and database, however the DSN text was written. */
    private static boolean sameServer(ConnectionSpec spec, Job job) {
        try {
            return io.sluice.core.connect.Dsn.parse(job.connection().dsn()).equals(spec.dsn());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the last export as a job file (the CLI's format; no password). */
    public void saveJob() {
        Job job = state.lastJobProperty().get();
        if (job == null) {
            message.set("Export into a file or several tables first: Save job saves the last such export, to run again here or"
                    + " with 'sluice run' (a folder of parts is not kept as a job yet).");
            return;
        }
        dialogs.saveFile("Save job", Path.of(settings.get().targetFolder == null ? System.getProperty("user.home")
                : settings.get().targetFolder).resolve("sluice-job.json"), "Sluice job", "*.json").ifPresent(p -> {
                    try {
                        JobFiles.write(job, p);
                        message.set("Saved the job to " + p + "; run it with 'sluice run " + p.getFileName() + "'.");
                    } catch (SluiceException e) {
                        message.set(e.getMessage());
                    }
                });
    }

    /** Reads a job file and runs it, once connected to its server. */
    public void openJob() {
        dialogs.openFile("Open job", "Sluice job", "*.json").ifPresent(this::openJob);
    }

    public void openJob(Path file) {
        Job job;
        try {
            job = JobFiles.read(file);
        } catch (SluiceException e) {
            message.set(e.getMessage());
            return;
        }
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec != null && sameServer(spec, job)) {
            run(job);
        } else {
            pending = job;
            message.set("The job connects to " + io.sluice.core.connect.Dsn.parse(job.connection().dsn()).redacted()
                    + ": type its password and connect, and it runs.");
            state.requestedConnectionProperty().set(null);
            state.requestedConnectionProperty().set(job.connection());
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
