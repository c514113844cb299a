package io.sluice.ui.export;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportPlan;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.Exporter;
import io.sluice.core.export.Units;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import io.sluice.ui.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
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
import org.apache.arrow.memory.BufferAllocator;

/** The export panel: where and how to write, the running export's progress and sample, the summary. */
public final class ExportViewModel {
    private static final int MAX_SAMPLE_ROWS = 200;

    private final UiTaskExecutor tasks;
    private final BufferAllocator allocator;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty limit = new SimpleStringProperty("");
    private final StringProperty where = new SimpleStringProperty("");
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>(Compression.ZSTD);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final ObjectProperty<ExportSummary> summary = new SimpleObjectProperty<>();
    private final ObservableList<String> sampleHeader = FXCollections.observableArrayList();
    private final ObservableList<List<String>> sampleRows = FXCollections.observableArrayList();
    private Path lastFolder = Path.of(System.getProperty("user.home"));
    private UiTaskExecutor.Running<ExportSummary> current;

    public ExportViewModel(UiTaskExecutor tasks, BufferAllocator allocator) {
        this.tasks = tasks;
        this.allocator = allocator;
    }

    /** Suggests {@code <table>.parquet} in the last folder used. */
    public void suggestTarget(TableInfo table) {
        if (table != null && !running.get()) {
            target.set(lastFolder.resolve(table.name().replaceAll("[\\\\/:*?\"<>|]", "_") + ".parquet").toString());
        }
    }

    /** Starts the export in the background; false (with a sentence) if the form is not ready. */
    public boolean start(ConnectionSpec spec, TableInfo table, List<String> columns, Map<String, MappingTarget> overrides) {
        if (running.get()) {
            return false;
        }
        if (spec == null || table == null) {
            return fail("Connect and choose a table first.");
        }
        if (columns.isEmpty()) {
            return fail("Choose at least one column to export.");
        }
        if (target.get() == null || target.get().isBlank()) {
            return fail("Choose the file to write.");
        }
        Long rowLimit;
        try {
            rowLimit = limit.get() == null || limit.get().isBlank() ? null : Long.parseLong(limit.get().strip().replace(",", ""));
            if (rowLimit != null && rowLimit < 0) {
                return fail("The row limit must be a positive number.");
            }
        } catch (NumberFormatException e) {
            return fail("The row limit must be a whole number.");
        }
        Path out = Path.of(target.get().strip());
        if (out.getParent() != null) {
            lastFolder = out.toAbsolutePath().getParent();
        }
        ExportRequest request = ExportRequest.builder(table.database(), table.name(), out).columns(columns).overrides(overrides)
                .where(where.get()).limit(rowLimit).writerOptions(WriterOptions.DEFAULTS.withCompression(compression.get()))
                .sampleRows(MAX_SAMPLE_ROWS).build();
        sampleRows.clear();
        showSampleColumns(columns);
        summary.set(null);
        message.set("Exporting " + table.database() + "." + table.name() + " …");
        messageIsError.set(false);
        progress.set(-1);
        progressText.set("");
        running.set(true);
        ExportListener listener = new FxListener();
        current = tasks.submit("export", cancel -> new Exporter(spec, allocator).run(request, listener, cancel),
                new UiTaskExecutor.Outcome<>() {
                    @Override
                    public void succeeded(ExportSummary s) {
                        running.set(false);
                        progress.set(1);
                        summary.set(s);
                        messageIsError.set(false);
                        message.set(String.format(Locale.ROOT, "Wrote %,d rows to %s (%s) in %s.", s.rows(),
                                s.target().getFileName(), Units.bytes(s.fileBytes()), Units.duration(s.elapsed())));
                    }

                    @Override
                    public void failed(String sentence) {
                        running.set(false);
                        progress.set(0);
                        fail(sentence);
                    }
                });
        return true;
    }

    public void cancel() {
        if (current != null && running.get()) {
            message.set("Cancelling …");
            current.cancel();
        }
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

    /** Bridges the engine's threads to the FX thread; the engine already throttles progress. */
    private final class FxListener implements ExportListener {
        @Override
        public void started(ExportPlan plan) {
            List<String> names = plan.columns().stream().map(p -> p.column().name()).collect(Collectors.toList());
            Platform.runLater(() -> showSampleColumns(names));
        }

        @Override
        public void progress(ExportProgress p) {
            String eta = p.eta().map(d -> "  ·  ETA " + Units.duration(d)).orElse("");
            String text = String.format(Locale.ROOT, "%,d rows  ·  %,.0f rows/s  ·  %s written  ·  %s elapsed%s",
                    p.rowsRead(), p.rowsPerSecond(), Units.bytes(p.bytesWritten()), Units.duration(p.elapsed()), eta);
            double fraction = p.fraction();
            Platform.runLater(() -> {
                if (running.get()) {
                    progress.set(fraction);
                    progressText.set(text);
                }
            });
        }

        @Override
        public void sample(List<List<String>> rows) {
            Platform.runLater(() -> {
                int room = MAX_SAMPLE_ROWS - sampleRows.size();
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
        return running;
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
