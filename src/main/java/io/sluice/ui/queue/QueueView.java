package io.sluice.ui.queue;

import io.sluice.ui.Fxml;
import io.sluice.ui.WorkbenchState;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The queue of tables exported to a folder; binds to {@link QueueViewModel}. */
public final class QueueView {
    private final QueueViewModel vm;
    private final WorkbenchState state;
    private final Parent root;

    @FXML private Button exportTablesButton;
    @FXML private Button runAgainButton;
    @FXML private Button openJobButton;
    @FXML private Button saveJobButton;
    @FXML private Button cancelQueueButton;
    @FXML private ProgressBar queueProgress;
    @FXML private Label queueMessage;
    @FXML private TableView<QueueViewModel.Row> queueTable;

    public QueueView(QueueViewModel vm, WorkbenchState state) {
        this.vm = vm;
        this.state = state;
        this.root = Fxml.load(this, "queue/QueueView.fxml");
    }

    @FXML
    private void initialize() {
        for (Button b : List.of(exportTablesButton, runAgainButton, openJobButton, saveJobButton)) {
            b.disableProperty().bind(state.exportRunningProperty());
        }
        cancelQueueButton.disableProperty().bind(state.exportRunningProperty().not());
        queueProgress.progressProperty().bind(vm.progressProperty());
        queueMessage.textProperty().bind(vm.messageProperty());
        queueTable.setItems(vm.rows());
        queueTable.getColumns().setAll(List.of(
                col("Table", r -> new javafx.beans.property.ReadOnlyStringWrapper(r.table()).getReadOnlyProperty(), 190),
                col("State", QueueViewModel.Row::stateProperty, 90),
                col("Rows", QueueViewModel.Row::rowsProperty, 100),
                col("Rows/s", QueueViewModel.Row::rateProperty, 100),
                col("Bytes", QueueViewModel.Row::bytesProperty, 90),
                col("File, or why not", QueueViewModel.Row::detailProperty, 400)));
    }

    private static TableColumn<QueueViewModel.Row, String> col(String title,
            Function<QueueViewModel.Row, ObservableValue<String>> value, double width) {
        TableColumn<QueueViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> value.apply(v.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void exportTables() {
        vm.exportChosenTables();
    }

    @FXML
    private void runAgain() {
        vm.runAgain();
    }

    @FXML
    private void openJob() {
        vm.openJob();
    }

    @FXML
    private void saveJob() {
        vm.saveJob();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    public Parent root() {
        return root;
    }
}
