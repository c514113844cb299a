package io.sluice.ui;

import io.sluice.core.AppPaths;
import io.sluice.core.schema.TableInfo;
import io.sluice.ui.connection.ConnectionView;
import io.sluice.ui.connection.ConnectionViewModel;
import io.sluice.ui.export.ExportView;
import io.sluice.ui.export.ExportViewModel;
import io.sluice.ui.schema.SchemaView;
import io.sluice.ui.schema.SchemaViewModel;
import io.sluice.ui.settings.RecentConnections;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The workbench: connection on top, schema browser in the middle, export below; wires the panels together. */
public final class MainWindow implements AutoCloseable {
    private final UiTaskExecutor tasks = new UiTaskExecutor();
    private final BufferAllocator allocator = new RootAllocator();
    private final ConnectionViewModel connection;
    private final SchemaViewModel schema;
    private final ExportViewModel export;
    private final Scene scene;

    public MainWindow(HostServices host, Path settingsDir) {
        connection = new ConnectionViewModel(tasks, new RecentConnections(settingsDir.resolve("recent.properties")));
        schema = new SchemaViewModel(tasks);
        export = new ExportViewModel(tasks, allocator);
        connection.connectedProperty().addListener((o, a, spec) -> {
            if (spec != null) {
                schema.load(spec);
            }
        });
        schema.selectedTableProperty().addListener((o, a, t) -> export.suggestTarget(t));

        ConnectionView connectionView = new ConnectionView(connection);
        SchemaView schemaView = new SchemaView(schema);
        ExportView exportView = new ExportView(export, this::startExport, host);
        // the running export's request is fixed, but changing the connection or table under it confuses
        connectionView.root().disableProperty().bind(export.runningProperty());
        schemaView.root().disableProperty().bind(export.runningProperty());
        SplitPane center = new SplitPane(schemaView.root(), exportView.root());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        BorderPane root = new BorderPane(center);
        root.setTop(connectionView.root());
        scene = new Scene(root, 1360, 860);
        scene.getStylesheets().add(MainWindow.class.getResource("sluice.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::startExport);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), export::cancel);
    }

    public MainWindow(HostServices host) {
        this(host, AppPaths.home());
    }

    private void startExport() {
        TableInfo table = schema.selectedTableProperty().get();
        if (export.start(connection.connectedProperty().get(), table, schema.includedColumns(), schema.overrides())) {
            connection.rememberTable(table.database(), table.name());
        }
    }

    public Scene scene() {
        return scene;
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
    }
}
