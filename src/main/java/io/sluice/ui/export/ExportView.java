package io.sluice.ui.export;

import io.sluice.core.export.ExportSummary;
import io.sluice.core.write.Compression;
import io.sluice.ui.Fxml;
import java.util.List;
import java.util.function.Function;
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
        vm.start();
    }

    @FXML
    private void cancel() {
        vm.cancel();
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

    public Parent root() {
        return root;
    }
}
