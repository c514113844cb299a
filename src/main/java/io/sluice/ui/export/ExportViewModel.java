package io.sluice.ui.export;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportPlan;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.Limits;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.SluiceService;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import io.sluice.ui.DialogService;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.task.JobContext;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import io.sluice.ui.task.TaskHandle;
import java.nio.file.Path;
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
 * The export panel: where and how to write, the running export's progress and sample, the summary.
 * What to export (connection, table, columns, overrides) comes from the shared {@link WorkbenchState}.
 */
public final class ExportViewModel {
    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final DialogService dialogs;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty limit = new SimpleStringProperty("");
    private final StringProperty where = new SimpleStringProperty("");
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>(Compression.ZSTD);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final ObjectProperty<ExportSummary> summary = new SimpleObjectProperty<>();
    private final ObservableList<String> sampleHeader = FXCollections.observableArrayList();
    private final ObservableList<List<String>> sampleRows = FXCollections.observableArrayList();
    private Path lastFolder = Path.of(System.getProperty("user.home"));
    private TaskHandle current;

    public ExportViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state, DialogService dialogs) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        this.dialogs = dialogs;
        state.selectedTableProperty().addListener((o, old, t) -> suggestTarget(t));
    }

    /** Suggests {@code <table>.parquet} in the last folder used. */
    public void suggestTarget(TableInfo table) {
        if (table != null && !running()) {
            target.set(lastFolder.resolve(table.name().replaceAll("[\\\\/:*?\"<>|]", "_") + ".parquet").toString());
        }
    }

    /** Asks for the file to write, starting from the current one. */
    public void browse() {
        Path current = Path.of(target.get() == null || target.get().isBlank() ? "x.parquet" : target.get());
        dialogs.saveFile("Export to", current, "Parquet", "*.parquet").ifPresent(p -> target.set(p.toAbsolutePath().toString()));
    }

    /** Starts the export of the chosen table in the background; false (with a sentence) if the form is not ready. */
    public boolean start() {
        if (running()) {
            return false;
        }
        ConnectionSpec spec = state.connectedProperty().get();
        TableInfo table = state.selectedTableProperty().get();
        if (spec == null || table == null) {
            return fail("Connect and choose a table first.");
        }
        List<String> columns = state.includedColumns();
        if (columns.isEmpty()) {
            return fail("Choose at least one column to export.");
        }
        if (target.get() == null || target.get().isBlank()) {
            return fail("Choose the file to write.");
        }
        ExportRequest request;
        try {
            Path out = Path.of(target.get().strip());
            request = ExportRequest.builder(table.database(), table.name(), out).columns(columns).overrides(state.overrides())
                    .where(where.get()).limit(Limits.parseRowLimit(limit.get()))
                    .writerOptions(WriterOptions.DEFAULTS.withCompression(compression.get())).build();
            if (out.toAbsolutePath().getParent() != null) {
                lastFolder = out.toAbsolutePath().getParent();
            }
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        sampleRows.clear();
        showSampleColumns(columns);
        summary.set(null);
        message.set("Exporting " + table.database() + "." + table.name() + " …");
        messageIsError.set(false);
        progress.set(-1);
        progressText.set("");
        state.exportRunningProperty().set(true);
        current = tasks.execute(ctx -> service.export(spec, request, new TaskListener(ctx), ctx.cancelToken()), new Outcome<>() {
            @Override
            public void succeeded(ExportSummary s) {
                finished(1);
                summary.set(s);
                messageIsError.set(false);
                message.set(s.sentence());
            }

            @Override
            public void failed(String sentence) {
                finished(0);
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

    private void finished(double finalProgress) {
        progress.unbind();
        progressText.unbind();
        progress.set(finalProgress);
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

        @Override
        public void progress(ExportProgress p) {
            ctx.updateProgress(p.fraction());
            ctx.updateMessage(p.line());
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
