package io.sluice.ui.export;

import io.sluice.core.export.ExportSummary;
import io.sluice.core.write.Compression;
import io.sluice.ui.Fxml;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.application.HostServices;
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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;

/** The export panel; binds to {@link ExportViewModel}. Starting needs the other panels' state, so the main window passes it. */
public final class ExportView {
    private final ExportViewModel vm;
    private final Runnable onStart;
    private final HostServices host;
    private final Parent root;

    @FXML private TextField targetField;
    @FXML private Button browseButton;
    @FXML private TextField limitField;
    @FXML private TextField whereField;
    @FXML private ComboBox<Compression> compressionBox;
    @FXML private Button startButton;
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

    public ExportView(ExportViewModel vm, Runnable onStart, HostServices host) {
        this.vm = vm;
        this.onStart = onStart;
        this.host = host;
        this.root = Fxml.load(this, "export/ExportView.fxml");
    }

    @FXML
    private void initialize() {
        targetField.textProperty().bindBidirectional(vm.targetProperty());
        limitField.textProperty().bindBidirectional(vm.limitProperty());
        whereField.textProperty().bindBidirectional(vm.whereProperty());
        compressionBox.getItems().setAll(Compression.values());
        compressionBox.valueProperty().bindBidirectional(vm.compressionProperty());
        for (var control : List.of(targetField, browseButton, limitField, whereField, compressionBox, startButton)) {
            control.disableProperty().bind(vm.runningProperty()); // nothing may change a running export
        }
        cancelButton.disableProperty().bind(vm.runningProperty().not());
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
        vm.runningProperty().addListener((o, a, running) -> {
            if (running) {
                tabs.getSelectionModel().select(sampleTab);
            }
        });
    }

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
        onStart.run();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Parquet", "*.parquet"));
        Path current = Path.of(vm.targetProperty().get().isBlank() ? "x.parquet" : vm.targetProperty().get());
        if (current.toAbsolutePath().getParent() != null && current.toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            vm.targetProperty().set(f.getAbsolutePath());
        }
    }

    @FXML
    private void openFolder() {
        ExportSummary s = vm.summaryProperty().get();
        if (s != null && host != null) {
            host.showDocument(s.target().getParent().toUri().toString());
        }
    }

    @FXML
    private void copyPath() {
        ExportSummary s = vm.summaryProperty().get();
        if (s != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(s.target().toString());
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    public Parent root() {
        return root;
    }
}
