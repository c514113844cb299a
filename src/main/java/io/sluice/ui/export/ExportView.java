package io.sluice.ui.export;

import io.sluice.core.export.ExportSummary;
import io.sluice.core.write.Compression;
import io.sluice.ui.Fxml;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/** The export panel; loads its FXML and binds to {@link ExportViewModel}. */
public final class ExportView {
    private final ExportViewModel vm;
    private final Parent root;

    @FXML private TextField targetField;
    @FXML private Button browseButton;
    @FXML private TextField limitField;
    @FXML private TextField whereField;
    @FXML private ComboBox<Compression> compressionBox;
    @FXML private Button startButton;
    @FXML private TextField rowsPerFileField;
    @FXML private TextField sizePerFileField;
    @FXML private TextField parallelField;
    @FXML private javafx.scene.control.CheckBox resumeBox;
    @FXML private Label resumeLabel;
    @FXML private javafx.scene.control.TitledPane bigTablesPane;
    @FXML private Button previewButton;
    @FXML private Tab previewTab;
    @FXML private Label previewStatus;
    @FXML private TableView<List<String>> previewTable;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private TabPane tabs;
    @FXML private Tab sampleTab;
    @FXML private Tab summaryTab;
    @FXML private TableView<List<String>> sampleTable;
    @FXML private TableView<ExportSummary.ColumnSummary> summaryTable;
    @FXML private TextArea schemaText;
    @FXML private Button openFolderButton;
    @FXML private Button copyPathButton;

    public ExportView(ExportViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(this, "export/ExportView.fxml");
    }

    @FXML
    private void initialize() {
        targetField.textProperty().bindBidirectional(vm.targetProperty());
        limitField.textProperty().bindBidirectional(vm.limitProperty());
        whereField.textProperty().bindBidirectional(vm.whereProperty());
        compressionBox.getItems().setAll(Compression.values());
        compressionBox.valueProperty().bindBidirectional(vm.compressionProperty());
        previewButton.disableProperty().bind(vm.runningProperty().or(vm.previewRunningProperty()));
        previewStatus.textProperty().bind(vm.previewStatusProperty());
        previewStatus.setWrapText(true);
        vm.previewIsErrorProperty().addListener((o, was, err) -> previewStatus.getStyleClass().setAll(err ? "status-error" : "status"));
        previewTable.setItems(vm.previewRows());
        vm.previewColumns().addListener((ListChangeListener<ExportViewModel.PreviewColumn>) c -> rebuildPreviewColumns());
        vm.previewRows().addListener((ListChangeListener<List<String>>) c -> fitPreviewColumns());
        vm.previewRunningProperty().addListener((o, was, now) -> {
            if (now) {
                tabs.getSelectionModel().select(previewTab);
            }
        });
        rowsPerFileField.textProperty().bindBidirectional(vm.rowsPerFileProperty());
        sizePerFileField.textProperty().bindBidirectional(vm.sizePerFileProperty());
        parallelField.textProperty().bindBidirectional(vm.parallelProperty());
        resumeBox.selectedProperty().bindBidirectional(vm.resumeProperty());
        resumeLabel.textProperty().bind(vm.resumeOfferProperty());
        // an unfinished export in the chosen folder opens the panel that offers to resume it
        vm.resumeOfferProperty().addListener((o, was, offer) -> {
            if (!offer.isEmpty()) {
                bigTablesPane.setExpanded(true);
            }
        });
        for (var c : List.of(rowsPerFileField, sizePerFileField)) {
            c.setTooltip(new javafx.scene.control.Tooltip("With parts, Target names a folder of part-*.parquet files and a manifest."));
        }
        parallelField.setTooltip(new javafx.scene.control.Tooltip("Key ranges read at once over one snapshot of the table: into"
                + " Target's one .parquet file, or with parts into a folder; the queue of chosen tables reads each so."));
        for (var control : List.of(targetField, browseButton, limitField, whereField, compressionBox, startButton, rowsPerFileField,
                sizePerFileField, parallelField, resumeBox)) {
            control.disableProperty().bind(vm.runningProperty()); // nothing may change a running export
        }
        cancelButton.disableProperty().bind(vm.runningProperty().or(vm.previewRunningProperty()).not());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, err) -> messageLabel.getStyleClass().setAll(err ? "status-error" : "status"));
        vm.sampleHeader().addListener((ListChangeListener<String>) c -> rebuildSampleColumns());
        sampleTable.setItems(vm.sampleRows());
        buildSummaryColumns();
        openFolderButton.disableProperty().bind(vm.summaryProperty().isNull());
        copyPathButton.disableProperty().bind(vm.summaryProperty().isNull());
        vm.summaryProperty().addListener((o, a, s) -> showSummary(s));
        vm.exportingProperty().addListener((o, a, running) -> {
            if (running) {
                sampleFitted = true; // nothing to fit until it is over
                tabs.getSelectionModel().select(sampleTab);
            } else {
                // fitted when the export is over, not as its rows arrive: wider columns draw more text at every
                // frame, and headless (software rendering) that cost the export 0.5-1 s and its longest FX stall
                // 87-153 ms against 59-100 ms in 3 alternating runs of ExportUiBench each (docs/benchmarks.md)
                sampleFitted = false;
                Platform.runLater(this::fitSampleIfShown); // after the outcome: a success then shows its Summary
            }
        });
        // and not before the grid is seen: a finished export shows its Summary, and measuring 100 rows of
        // text in the same frame made that frame the export's longest stall (47 ms of the FX thread's CPU)
        sampleTab.selectedProperty().addListener((o, was, is) -> fitSampleIfShown());
    }

    private void fitSampleIfShown() {
        if (!sampleFitted && sampleTab.isSelected()) {
            sampleFitted = true;
            fitColumns(sampleTable, vm.sampleRows());
        }
    }

    /** Whether the sample grid's columns fit its rows, or are to be fitted when the grid is next seen. */
    private boolean sampleFitted = true;

    /** The rows, the bounds (px) and the room around a cell's text that fitting the preview's columns uses. */
    private static final int FIT_ROWS = 100;
    private static final double MIN_COLUMN = 90; // not 80: at its default width JavaFX fits a column to its cells alone
    private static final double MAX_COLUMN = 360;
    private static final double CELL_PADDING = 28;
    private static final double SORT_ARROW = 18;
    /** Measures text as the grid's cells draw it (the scene's default font). */
    private final Text measure = new Text();

    private void rebuildSampleColumns() {
        sampleTable.getColumns().clear();
        for (int i = 0; i < vm.sampleHeader().size(); i++) {
            int idx = i;
            TableColumn<List<String>, String> col = new TableColumn<>(vm.sampleHeader().get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(idx < c.getValue().size()
                    ? display(c.getValue().get(idx)) : "").getReadOnlyProperty());
            col.setPrefWidth(120);
            sampleTable.getColumns().add(col);
        }
    }

    /** Headers name the column and the Arrow type the file holds; a click sorts, numbers as numbers. */
    private void rebuildPreviewColumns() {
        previewTable.getColumns().clear();
        for (int i = 0; i < vm.previewColumns().size(); i++) {
            int idx = i;
            ExportViewModel.PreviewColumn pc = vm.previewColumns().get(i);
            TableColumn<List<String>, String> col = new TableColumn<>(pc.name() + "\n" + pc.arrowType());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(idx < c.getValue().size()
                    ? display(c.getValue().get(idx)) : "").getReadOnlyProperty());
            col.setComparator(ExportView::compareValues);
            col.setPrefWidth(130);
            previewTable.getColumns().add(col);
        }
    }

    /**
     * Each preview column as wide as its header and the widest of its first rows' values, within
     * bounds: at a fixed width a 20-digit key read "92233720368…" in every row (new-user trial).
     */
    private void fitPreviewColumns() {
        fitColumns(previewTable, vm.previewRows());
    }

    /** As {@link #fitPreviewColumns}, for either grid of rows (the preview, the sample of exported rows). */
    private void fitColumns(TableView<List<String>> table, List<List<String>> rows) {
        int n = Math.min(rows.size(), FIT_ROWS);
        for (int i = 0; i < table.getColumns().size(); i++) {
            TableColumn<List<String>, ?> col = table.getColumns().get(i);
            double widest = textWidth(col.getText()) + SORT_ARROW; // the header also shows the sort's arrow
            for (int r = 0; r < n; r++) {
                List<String> row = rows.get(r);
                if (i < row.size()) {
                    widest = Math.max(widest, textWidth(display(row.get(i))));
                }
            }
            col.setPrefWidth(Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, widest + CELL_PADDING)));
        }
    }

    private double textWidth(String text) {
        double widest = 0;
        for (String line : text.split("\n")) {
            measure.setText(line);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    /** NULL first, then numbers by value when both cells are numbers, else text. */
    static int compareValues(String a, String b) {
        boolean an = "NULL".equals(a);
        boolean bn = "NULL".equals(b);
        if (an || bn) {
            return Boolean.compare(!an, !bn);
        }
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    }

    private static String display(String v) {
        return v == null ? "NULL" : v;
    }

    private void buildSummaryColumns() {
        summaryTable.getColumns().setAll(List.of(
                col("Column", ExportSummary.ColumnSummary::name),
                col("MySQL type", ExportSummary.ColumnSummary::mysqlType),
                col("Arrow type", ExportSummary.ColumnSummary::arrowType),
                col("Parquet type", ExportSummary.ColumnSummary::parquetType),
                col("NULLs", c -> String.format("%,d", c.nulls())),
                col("Turned into NULL", c -> c.nulledValues() == 0 ? "" : String.format("⚠ %,d", c.nulledValues()))));
    }

    private static TableColumn<ExportSummary.ColumnSummary, String> col(String title,
            Function<ExportSummary.ColumnSummary, String> f) {
        TableColumn<ExportSummary.ColumnSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())).getReadOnlyProperty());
        return c;
    }

    private void showSummary(ExportSummary s) {
        if (s == null) {
            summaryTable.getItems().clear();
            schemaText.clear();
            return;
        }
        summaryTable.getItems().setAll(s.columns());
        schemaText.setText(s.parquetSchema());
        tabs.getSelectionModel().select(summaryTab);
    }

    @FXML
    private void start() {
        vm.start();
    }

    @FXML
    private void cancel() {
        vm.cancel();
        vm.cancelPreview();
    }

    @FXML
    private void preview() {
        vm.preview();
    }

    @FXML
    private void browse() {
        vm.browse();
    }

    @FXML
    private void openFolder() {
        vm.openFolder();
    }

    @FXML
    private void copyPath() {
        vm.copyPath();
    }

    /** Another panel's tab beside the preview, sample and summary (the queue). */
    public Tab addTab(String title, Parent content) {
        Tab tab = new Tab(title, content);
        tab.setId(title.toLowerCase(java.util.Locale.ROOT) + "Tab");
        tabs.getTabs().add(tab);
        return tab;
    }

    public void show(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    public Parent root() {
        return root;
    }
}
