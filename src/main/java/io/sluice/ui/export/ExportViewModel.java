package io.sluice.ui.export;

import io.sluice.core.AtomicFiles;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.AtomicTarget;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportPlan;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.FileNames;
import io.sluice.core.export.Limits;
import io.sluice.core.export.Previewer;
import io.sluice.core.job.Job;
import io.sluice.core.split.SplitExporter;
import io.sluice.core.split.SplitOptions;
import io.sluice.core.split.SplitSummary;
import io.sluice.core.schema.Source;
import io.sluice.core.service.SluiceService;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import io.sluice.ui.DialogService;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.JobContext;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import io.sluice.ui.task.TaskHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The export panel: where and how to write, a preview of the rows as they will be written, the
 * running export's progress and sample, the summary. What to export (connection, source, columns,
 * overrides) comes from the shared {@link WorkbenchState}; the choices are remembered per source.
 */
public final class ExportViewModel {
    /** A preview grid column: the name and the Arrow type the file will hold. */
    public record PreviewColumn(String name, String arrowType) {}

    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final DialogService dialogs;
    private final WorkbenchSettings settings;
    private final ObservableList<PreviewColumn> previewColumns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final BooleanProperty previewRunning = new SimpleBooleanProperty(false);
    private final StringProperty previewStatus = new SimpleStringProperty("");
    private final BooleanProperty previewIsError = new SimpleBooleanProperty(false);
    /** This panel's own export (the shared running flag is also set by the queue). */
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private TaskHandle previewTask;
    /** Counts previews, so a superseded one's outcome is ignored. */
    private int previewGeneration;
    private final StringProperty target = new SimpleStringProperty("");
    /** An existing file the user agreed to replace (in the save dialog or when asked): not asked again. */
    private Path replaceConfirmed;
    private final StringProperty limit = new SimpleStringProperty("");
    private final StringProperty where = new SimpleStringProperty("");
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>(Compression.ZSTD);
    private final StringProperty rowsPerFile = new SimpleStringProperty("");
    private final StringProperty sizePerFile = new SimpleStringProperty("");
    private final StringProperty parallel = new SimpleStringProperty("1");
    private final BooleanProperty resume = new SimpleBooleanProperty(false);
    private final StringProperty resumeOffer = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final ObjectProperty<ExportSummary> summary = new SimpleObjectProperty<>();
    private final ObservableList<String> sampleHeader = FXCollections.observableArrayList();
    private final ObservableList<List<String>> sampleRows = FXCollections.observableArrayList();
    private Path lastFolder = Path.of(System.getProperty("user.home"));
    private TaskHandle current;

    public ExportViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state, DialogService dialogs,
                           WorkbenchSettings settings) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        this.dialogs = dialogs;
        this.settings = settings;
        if (settings.get().targetFolder != null) {
            lastFolder = Path.of(settings.get().targetFolder);
        }
        state.sourceProperty().addListener((o, old, s) -> {
            if (old != null && !running()) {
                saveChoices(old); // the columns and fields still hold what the user chose for it
            }
            sourceChanged(s);
        });
        state.previewRequestsProperty().addListener((o, old, n) -> preview());
        target.addListener((o, old, t) -> offerResume(t));
        state.columns().addListener((javafx.collections.ListChangeListener<io.sluice.ui.schema.ColumnRow>) c -> {
            while (c.next()) {
                for (io.sluice.ui.schema.ColumnRow r : c.getAddedSubList()) {
                    r.includeProperty().addListener((x, a, b) -> previewOutOfDate());
                    r.overrideProperty().addListener((x, a, b) -> previewOutOfDate());
                }
            }
        });
        where.addListener((o, a, b) -> previewOutOfDate());
    }

    /**
     * A new source starts clean: no message, sample or preview of the previous one, the target
     * suggested for it, and the filter, limit and codec used the last time it was exported.
     */
    private void sourceChanged(Source source) {
        if (running()) {
            return;
        }
        cancelPreview();
        message.set("");
        messageIsError.set(false);
        sampleRows.clear();
        sampleHeader.clear();
        previewRows.clear();
        previewColumns.clear();
        previewStatus.set("");
        summary.set(null);
        progress.set(0);
        progressText.set("");
        if (source == null) {
            return;
        }
        String name = source instanceof Source.Table t ? t.name() : "query";
        target.set(folderOfTarget().resolve(name.replaceAll("[\\\\/:*?\"<>|]", "_") + ".parquet").toString());
        WorkbenchSettings.Choices c = settings.get().choices.get(WorkbenchState.choicesKey(source));
        where.set(c == null || c.where == null ? "" : c.where);
        limit.set(c == null || c.limit == null ? "" : c.limit);
        Compression codec = Compression.ZSTD;
        if (c != null && c.compression != null) {
            try {
                codec = Compression.parse(c.compression);
            } catch (IllegalArgumentException stale) {
                // keep zstd
            }
        }
        compression.set(codec);
    }

    /**
     * Reads the first rows of the source (the Limit, or {@value Limits#DEFAULT_PREVIEW_ROWS} when it is
     * empty) with the chosen columns, filter and overrides, rendered as the file will hold them.
     */
    public void preview() {
        if (messageIsError.get() && !running()) { // an earlier export's refusal is not this preview's: one red sentence at a time
            message.set("");
            messageIsError.set(false);
        }
        ConnectionSpec spec = state.connectedProperty().get();
        Source source = state.sourceProperty().get();
        if (spec == null || source == null) {
            previewFailed("Connect and choose a table or a query first.");
            return;
        }
        int rows;
        try {
            Long n = Limits.parseRowLimit(limit.get());
            rows = n == null ? Limits.DEFAULT_PREVIEW_ROWS : (int) Math.min(n, Limits.MAX_PREVIEW_ROWS);
        } catch (IllegalArgumentException e) {
            previewFailed(e.getMessage()); // red, as a failed filter's sentence is
            return;
        }
        cancelPreview();
        List<String> columns = state.includedColumns();
        var overrides = state.overrides();
        String filter = where.get();
        previewRunning.set(true);
        previewIsError.set(false);
        previewStatus.set("Reading the first " + rows + " rows …");
        int generation = ++previewGeneration;
        previewTask = tasks.execute(ctx -> service.preview(spec, source, columns, overrides, filter, rows, ctx.cancelToken()),
                new Outcome<Previewer.Preview>() {
                    @Override
                    public void succeeded(Previewer.Preview p) {
                        if (generation != previewGeneration) {
                            return; // a newer preview is on its way
                        }
                        previewRunning.set(false);
                        if (!source.equals(state.sourceProperty().get())) {
                            return;
                        }
                        List<PreviewColumn> cols = new ArrayList<>();
                        for (int i = 0; i < p.header().size(); i++) {
                            cols.add(new PreviewColumn(p.header().get(i), p.arrowTypes().get(i)));
                        }
                        if (!previewColumns.equals(cols)) {
                            previewColumns.setAll(cols);
                        }
                        previewRows.setAll(p.rows());
                        previewStatus.set(p.rows().size() == 1 ? "1 row, as it will be written." : p.rows().size()
                                + " rows, as they will be written.");
                    }

                    @Override
                    public void failed(String sentence) {
                        if (generation == previewGeneration) {
                            previewRunning.set(false);
                            previewRows.clear();
                            previewIsError.set(true);
                            previewStatus.set(sentence);
                        }
                    }

                    @Override
                    public void cancelled() {
                        if (generation == previewGeneration) {
                            previewRunning.set(false);
                            previewStatus.set("The preview was cancelled.");
                        }
                    }
                });
    }

    /** The grid shows rows read with other choices: say so rather than pass them off as what will be written. */
    private void previewOutOfDate() {
        if (!previewRows.isEmpty() && !previewRunning.get()) {
            previewIsError.set(false);
            previewStatus.set("The columns, mappings or filter changed since this preview: Ctrl+P shows them as they will be written.");
        }
    }

    public void cancelPreview() {
        if (previewTask != null && previewRunning.get()) {
            previewTask.cancel();
        }
    }

    /** A target folder that holds an unfinished split export: offer to continue it. */
    private void offerResume(String text) {
        java.util.Optional<String> unfinished = java.util.Optional.empty();
        try {
            unfinished = text == null || text.isBlank() ? unfinished : SplitExporter.unfinishedIn(Path.of(text.strip()));
        } catch (java.nio.file.InvalidPathException notAPath) {
            // typed half-way: nothing to offer
        }
        resumeOffer.set(unfinished.map(s -> "This folder holds an unfinished export of " + s
                + ": tick Resume to continue it (complete parts stay).").orElse(""));
        resume.set(unfinished.isPresent());
    }

    /**
     * The form's parallel connections for a queue of several tables, each into its own file: 1 when the
     * field is empty or not a number from 1 to 64 (the queue does not stop for the single-table form's field).
     */
    public int connectionsForTables() {
        try {
            int n = parallelConnections();
            return n >= 1 && n <= 64 ? n : 1;
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /** The "parallel connections" field: 1 when empty. */
    private int parallelConnections() {
        try {
            return parallel.get() == null || parallel.get().isBlank() ? 1 : Integer.parseInt(parallel.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parallel connections must be a whole number from 1 to 64.");
        }
    }

    /** Split options from the form: none, or the parts, ranges and resume asked for. */
    private SplitOptions splitOptions() {
        long rows = Limits.parseRowLimit(rowsPerFile.get()) == null ? 0 : Limits.parseRowLimit(rowsPerFile.get());
        long bytes = sizePerFile.get() == null || sizePerFile.get().isBlank() ? 0 : SplitOptions.parseSize(sizePerFile.get());
        int n = parallelConnections();
        if (rows == 0 && bytes == 0 && n == 1 && !resume.get()) {
            return null;
        }
        // in the form's words, not the command line's, before anything starts
        if (state.sourceProperty().get() instanceof Source.Query) {
            throw new IllegalArgumentException("Parts, parallel connections and Resume take a table; export a query into one file.");
        }
        if (Limits.parseRowLimit(limit.get()) != null && (n > 1 || resume.get())) {
            throw new IllegalArgumentException("A row limit cannot be combined with parallel connections or Resume.");
        }
        return new SplitOptions(rows, bytes, n, 0, 0, resume.get());
    }

    /**
     * The folder of the target in the field when it is one (the user may have typed it), else the
     * last one exported to: the next table's suggested file goes there.
     */
    private Path folderOfTarget() {
        // not a folder an export has just failed to write to (/proc): the next table would fail alike
        Path last = lastFolder.equals(failedFolder) ? Path.of(System.getProperty("user.home")) : lastFolder;
        try {
            Path typed = target.get() == null || target.get().isBlank() ? null : Path.of(target.get().strip()).toAbsolutePath().getParent();
            return typed != null && Files.isDirectory(typed) && !typed.equals(failedFolder) ? typed : last;
        } catch (java.nio.file.InvalidPathException e) {
            return last;
        }
    }

    private void previewFailed(String sentence) {
        previewStatus.set(sentence);
        previewIsError.set(true);
    }

    /** The folder of the last export when it failed because nothing can be written there; else null. */
    private Path failedFolder;

    /**
     * After a failed export: whether its folder is one nothing can be written to, tried off the FX thread
     * (a file system that hangs must not hold the window). A failed filter leaves its folder suggested.
     */
    private void checkFolderAfterFailure(Path folder) {
        tasks.execute(ctx -> AtomicFiles.canCreateFileIn(folder),
                Outcome.of(writable -> failedFolder = writable ? null : folder, sentence -> failedFolder = null));
    }

    /** Asks for the file to write, starting from the current one. */
    public void browse() {
        Path current = Path.of(target.get() == null || target.get().isBlank() ? "x.parquet" : target.get());
        dialogs.saveFile("Export to", current, "Parquet", "*.parquet").ifPresent(p -> {
            target.set(p.toAbsolutePath().toString());
            replaceConfirmed = p.toAbsolutePath(); // the save dialog has asked about an existing file
        });
    }

    /**
     * Whether the export may go on to {@code file}: yes when nothing is there, or the user confirmed
     * it in the save dialog or here. A file suggested for a table is as likely another export's.
     */
    private boolean mayReplace(Path file) {
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs) || abs.equals(replaceConfirmed)) {
            return true;
        }
        if (!dialogs.confirm("Replace " + abs.getFileName() + "?", abs.getFileName() + " already exists in " + abs.getParent()
                + ". The export replaces it once it is complete; until then, and if it fails, the file stays as it is.", "Replace")) {
            return false;
        }
        replaceConfirmed = abs;
        return true;
    }

    /** Whether the ranges go into the file {@code out}: not when the target was typed with a trailing separator, a folder. */
    private boolean joinsInto(SplitOptions split, Path out) {
        return !targetTypedAsFolder() && split.joinsInto(out.toAbsolutePath());
    }

    private boolean targetTypedAsFolder() {
        return FileNames.namesFolder(target.get().strip());
    }

    /** Starts the export of the chosen table in the background; false (with a sentence) if the form is not ready. */
    public boolean start() {
        if (running()) {
            return false;
        }
        ConnectionSpec spec = state.connectedProperty().get();
        Source source = state.sourceProperty().get();
        if (spec == null || source == null) {
            return fail("Connect and choose a table or a query first.");
        }
        List<String> columns = state.includedColumns();
        if (columns.isEmpty()) {
            return fail("Choose at least one column to export.");
        }
        if (target.get() == null || target.get().isBlank()) {
            return fail("Choose the file to write.");
        }
        ExportRequest request;
        SplitOptions split;
        try {
            split = splitOptions();
            Path out = Path.of(target.get().strip());
            // more connections into one file: the key ranges read at once, joined into it
            int connections = split != null && joinsInto(split, out) ? split.parallel() : 1;
            request = ExportRequest.builder(source, out).columns(columns).overrides(state.overrides())
                    .where(where.get()).limit(Limits.parseRowLimit(limit.get()))
                    .writerOptions(WriterOptions.DEFAULTS.withCompression(compression.get())).connections(connections).build();
            if (out.toAbsolutePath().getParent() != null) {
                lastFolder = out.toAbsolutePath().getParent();
            }
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        boolean oneFile = split == null || joinsInto(split, request.target());
        if (oneFile && targetTypedAsFolder()) { // a Path drops the slash: it would be a file of that name
            return fail("The target " + target.get().strip() + " names a folder; give the file's name in it, such as "
                    + request.target().resolve(FileNames.fileFor(source)) + ".");
        }
        if (oneFile) { // one file: refuse a CSV-like name, then ask before replacing what is there
            try {
                AtomicTarget.checkNamedAsParquet(request.target());
            } catch (SluiceException e) {
                return fail(e.getMessage());
            }
            if (!mayReplace(request.target())) {
                message.set("Not started: " + request.target().getFileName() + " was kept.");
                messageIsError.set(false);
                return false;
            }
        }
        remember(source);
        // what Run again and Save job repeat; a folder of parts is not a job yet
        state.lastJobProperty().set(!oneFile ? null : new Job(Job.VERSION, Job.Connection.of(spec),
                List.of(Job.Export.of(request, request.target().toAbsolutePath().toString())), null,
                compression.get().toString(), null, null));
        sampleRows.clear();
        showSampleColumns(columns);
        summary.set(null);
        message.set("Exporting " + source.describe() + " …");
        messageIsError.set(false);
        progress.set(-1);
        progressText.set("");
        state.exportRunningProperty().set(true);
        exporting.set(true);
        if (!oneFile) {
            startSplit(spec, request, split);
            return true;
        }
        current = tasks.execute(ctx -> service.export(spec, request, new TaskListener(ctx), ctx.cancelToken()), new Outcome<>() {
            @Override
            public void succeeded(ExportSummary s) {
                finished(1);
                failedFolder = null;
                summary.set(s);
                replaceConfirmed = s.target().toAbsolutePath(); // its own file: exported again, not asked about
                messageIsError.set(false);
                message.set(s.sentence() + (s.note() == null ? "" : " " + s.note()) + (s.nulledValues() == 0 ? ""
                        : " ⚠ " + ExportSummary.nulledValues(s.nulledValues()) + "; the Summary tab names their columns."));
            }

            @Override
            public void failed(String sentence) {
                finished(0);
                checkFolderAfterFailure(request.target().toAbsolutePath().getParent());
                progressText.set(""); // its "… MiB written" went to the temp file, which is gone
                fail(sentence);
            }
        });
        if (running()) {
            // the task's progress and message drive the bar and the line while it runs
            progress.bind(current.progressProperty());
            progressText.bind(current.messageProperty());
        }
        return true;
    }

    /** Into a folder of parts: the progress line is the total over all ranges. */
    private void startSplit(ConnectionSpec spec, ExportRequest request, SplitOptions split) {
        current = tasks.execute(ctx -> service.exportSplit(spec, request, split, new TaskListener(ctx), ctx.cancelToken()),
                new Outcome<SplitSummary>() {
                    @Override
                    public void succeeded(SplitSummary s) {
                        finished(1);
                        failedFolder = null;
                        messageIsError.set(false);
                        message.set(s.sentence() + (s.note() == null ? "" : " " + s.note()));
                        offerResume(target.get());
                    }

                    @Override
                    public void failed(String sentence) {
                        finished(0);
                        checkFolderAfterFailure(request.target().toAbsolutePath().getParent());
                        fail(sentence.replace("add --resume to continue it", "tick Resume to continue it"));
                        offerResume(target.get());
                    }

                    @Override
                    public void cancelled() {
                        finished(0);
                        fail("The export was cancelled; its complete parts stay, and Resume continues it.");
                        offerResume(target.get());
                    }
                });
        if (running()) {
            progress.bind(current.progressProperty());
            progressText.bind(current.messageProperty());
        }
    }

    /** What was exported and how, so the window offers it again next time. */
    private void remember(Source source) {
        String folder = lastFolder.toString(); // read here: the change also runs on the settings thread
        WorkbenchSettings.Choices choices = currentChoices();
        settings.update(d -> {
            if (source instanceof Source.Table t) {
                d.sourceKind = "table";
                d.database = t.database();
                d.table = t.name();
            } else {
                d.sourceKind = "query";
                d.query = ((Source.Query) source).sql();
            }
            d.targetFolder = folder;
            d.choices.put(WorkbenchState.choicesKey(source), choices);
        });
    }

    /** Keeps the source's choices (columns, overrides, filter, limit, codec) for when it is chosen again. */
    public void saveChoices(Source source) {
        if (state.columns().isEmpty()) {
            return; // its columns never arrived: nothing was chosen
        }
        WorkbenchSettings.Choices c = currentChoices();
        settings.update(d -> d.choices.put(WorkbenchState.choicesKey(source), c));
    }

    private WorkbenchSettings.Choices currentChoices() {
        WorkbenchSettings.Choices c = new WorkbenchSettings.Choices();
        state.columns().stream().filter(r -> !r.includeProperty().get()).forEach(r -> c.excluded.add(r.name()));
        state.overrides().forEach((col, t) -> c.overrides.put(col, t.cliName()));
        c.where = where.get() == null || where.get().isBlank() ? null : where.get();
        c.limit = limit.get() == null || limit.get().isBlank() ? null : limit.get();
        c.compression = compression.get().toString();
        return c;
    }

    private void finished(double finalProgress) {
        progress.unbind();
        progressText.unbind();
        progress.set(finalProgress);
        exporting.set(false);
        state.exportRunningProperty().set(false);
    }

    public void cancel() {
        if (current != null && running()) {
            message.set("Cancelling …");
            current.cancel();
        }
    }

    /** Shows the written file's folder; says so when the desktop has no file manager to ask. */
    public void openFolder() {
        ExportSummary s = summary.get();
        if (s != null && !dialogs.openFolder(s.target().getParent())) {
            fail("No file manager is available here; use Copy path instead.");
        }
    }

    public void copyPath() {
        ExportSummary s = summary.get();
        if (s != null) {
            dialogs.copyToClipboard(s.target().toString());
        }
    }

    private boolean running() {
        return state.exportRunningProperty().get();
    }

    private boolean fail(String sentence) {
        message.set(sentence);
        messageIsError.set(true);
        if (!progress.isBound()) { // a running export's bar stays its own
            // the last export's "100% · N rows" beside this sentence read as if this one had written them
            progress.set(0);
            progressText.set("");
        }
        return false;
    }

    /** Rebuilding the sample table's columns is a full layout pass; skip it when nothing changed. */
    private void showSampleColumns(List<String> names) {
        if (!sampleHeader.equals(names)) {
            sampleHeader.setAll(names);
        }
    }

    /** The engine's events as the task's progress and message; samples handed to the UI thread. */
    private final class TaskListener implements ExportListener {
        private final JobContext ctx;

        TaskListener(JobContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void started(ExportPlan plan) {
            List<String> names = plan.names();
            ctx.onUiThread(() -> showSampleColumns(names));
        }

        /** Rows read per range of a split export, shown after the total. */
        private final java.util.concurrent.ConcurrentSkipListMap<Integer, Long> ranges = new java.util.concurrent.ConcurrentSkipListMap<>();

        @Override
        public void progress(ExportProgress p) {
            ctx.updateProgress(p.fraction());
            String perRange = ranges.size() < 2 ? "" : ranges.entrySet().stream()
                    .map(e -> String.format(java.util.Locale.ROOT, "%d: %,d", e.getKey() + 1, e.getValue()))
                    .collect(java.util.stream.Collectors.joining("  ", "  ·  by range  ", ""));
            ctx.updateMessage(p.line() + perRange);
        }

        @Override
        public void joining(long bytesWritten, long bytesInAll) {
            ctx.updateProgress(bytesInAll <= 0 ? 1 : (double) bytesWritten / bytesInAll); // the bar follows the join
            ctx.updateMessage(ExportProgress.joiningLine(bytesWritten, bytesInAll));
        }

        @Override
        public void rangeProgress(int range, long rowsRead) {
            ranges.put(range, rowsRead);
        }

        @Override
        public void sample(List<List<String>> rows) {
            ctx.onUiThread(() -> {
                int room = Limits.SAMPLE_ROWS - sampleRows.size();
                if (room > 0) {
                    sampleRows.addAll(rows.subList(0, Math.min(room, rows.size())));
                }
            });
        }
    }

    public ObservableList<PreviewColumn> previewColumns() {
        return previewColumns;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public BooleanProperty previewRunningProperty() {
        return previewRunning;
    }

    public BooleanProperty previewIsErrorProperty() {
        return previewIsError;
    }

    public StringProperty previewStatusProperty() {
        return previewStatus;
    }

    public StringProperty rowsPerFileProperty() {
        return rowsPerFile;
    }

    public StringProperty sizePerFileProperty() {
        return sizePerFile;
    }

    public StringProperty parallelProperty() {
        return parallel;
    }

    public BooleanProperty resumeProperty() {
        return resume;
    }

    public StringProperty resumeOfferProperty() {
        return resumeOffer;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    public StringProperty whereProperty() {
        return where;
    }

    public ObjectProperty<Compression> compressionProperty() {
        return compression;
    }

    public BooleanProperty runningProperty() {
        return state.exportRunningProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public ObjectProperty<ExportSummary> summaryProperty() {
        return summary;
    }

    public ObservableList<String> sampleHeader() {
        return sampleHeader;
    }

    public ObservableList<List<String>> sampleRows() {
        return sampleRows;
    }
}
