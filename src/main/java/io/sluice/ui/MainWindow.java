package io.sluice.ui;

import io.sluice.core.AppPaths;
import io.sluice.core.service.SluiceService;
import io.sluice.ui.connection.ConnectionView;
import io.sluice.ui.connection.ConnectionViewModel;
import io.sluice.ui.export.ExportView;
import io.sluice.ui.export.ExportViewModel;
import io.sluice.ui.schema.SchemaView;
import io.sluice.ui.schema.SchemaViewModel;
import io.sluice.ui.settings.RecentConnections;
import io.sluice.ui.task.TaskExecutor;
import io.sluice.ui.task.UiTaskExecutor;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/**
 * The workbench: builds the shared state, the engine and the three panels (connection on top,
 * schema browser in the middle, export below). The panels talk through {@link WorkbenchState} only.
 */
public final class MainWindow implements AutoCloseable {
    private final TaskExecutor tasks = new UiTaskExecutor();
    private final SluiceService service = new SluiceService();
    private final WorkbenchState state = new WorkbenchState();
    private final ConnectionViewModel connection;
    private final SchemaViewModel schema;
    private final ExportViewModel export;
    private final Scene scene;

    public MainWindow(HostServices host, Path settingsDir) {
        BorderPane root = new BorderPane();
        scene = new Scene(root, 1360, 860);
        DialogService dialogs = new FxDialogService(scene::getWindow, host);
        connection = new ConnectionViewModel(tasks, service, state, new RecentConnections(settingsDir.resolve("recent.properties")));
        schema = new SchemaViewModel(tasks, service, state);
        export = new ExportViewModel(tasks, service, state, dialogs);

        ConnectionView connectionView = new ConnectionView(connection);
        SchemaView schemaView = new SchemaView(schema);
        ExportView exportView = new ExportView(export);
        // the running export's request is fixed, but changing the connection or table under it confuses
        connectionView.root().disableProperty().bind(state.exportRunningProperty());
        schemaView.root().disableProperty().bind(state.exportRunningProperty());
        SplitPane center = new SplitPane(schemaView.root(), exportView.root());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        root.setCenter(center);
        root.setTop(connectionView.root());
        scene.getStylesheets().add(MainWindow.class.getResource("sluice.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), export::start);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), export::cancel);
    }

    public MainWindow(HostServices host) {
        this(host, AppPaths.home());
    }

    public Scene scene() {
        return scene;
    }

    public WorkbenchState state() {
        return state;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public SchemaViewModel schema() {
        return schema;
    }

    public ExportViewModel export() {
        return export;
    }

    @Override
    public void close() {
        export.cancel();
        connection.shutdown();
        tasks.shutdown();
    }
}
