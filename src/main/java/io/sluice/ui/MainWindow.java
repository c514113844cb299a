package io.sluice.ui;

import io.sluice.core.AppPaths;
import io.sluice.core.service.SluiceService;
import io.sluice.ui.connection.ConnectionView;
import io.sluice.ui.connection.ConnectionViewModel;
import io.sluice.ui.export.ExportView;
import io.sluice.ui.export.ExportViewModel;
import io.sluice.ui.queue.QueueView;
import io.sluice.ui.queue.QueueViewModel;
import io.sluice.ui.schema.SchemaView;
import io.sluice.ui.schema.SchemaViewModel;
import io.sluice.ui.settings.RecentConnections;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.TaskExecutor;
import io.sluice.ui.task.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The workbench: builds the shared state, the engine and the three panels (connection on top,
 * schema browser and query editor in the middle, preview and export below). The panels talk through
 * {@link WorkbenchState} only; what the window remembers lives in {@link WorkbenchSettings}.
 */
public final class MainWindow implements AutoCloseable {
    /** The keys, said once: the help tooltip lists them. */
    static final String SHORTCUTS = "Ctrl+P  preview\nCtrl+E  export\nEsc  cancel\nCtrl+Enter  run the query (in the editor)\n"
            + "Ctrl+F  filter tables\nF5  reload the tables\nCtrl+Shift+E  export the chosen tables to a folder\nCtrl+O / Ctrl+S  open / save a job\nCtrl+R  run the last export again";

    private final TaskExecutor tasks = new UiTaskExecutor();
    private final SluiceService service = new SluiceService();
    private final WorkbenchState state = new WorkbenchState();
    private final WorkbenchSettings settings;
    private final ConnectionViewModel connection;
    private final SchemaViewModel schema;
    private final ExportViewModel export;
    private final QueueViewModel queue;
    private final ConnectionView connectionView;
    private final DialogService dialogs;
    private final Scene scene;

    public MainWindow(HostServices host, Path settingsDir) {
        settings = new WorkbenchSettings(settingsDir.resolve("workbench.json"));
        Theme.of(settings.get().theme).apply();
        BorderPane root = new BorderPane();
        scene = new Scene(root, 1360, 860);
        dialogs = new FxDialogService(scene::getWindow, host);
        connection = new ConnectionViewModel(tasks, service, state, new RecentConnections(settingsDir.resolve("recent.properties")),
                settings, dialogs);
        schema = new SchemaViewModel(tasks, service, state, settings);
        export = new ExportViewModel(tasks, service, state, dialogs, settings);
        queue = new QueueViewModel(tasks, service, state, dialogs, settings, () -> export.compressionProperty().get(),
                export::connectionsForTables);

        connectionView = new ConnectionView(connection);
        SchemaView schemaView = new SchemaView(schema);
        ExportView exportView = new ExportView(export);
        QueueView queueView = new QueueView(queue, state);
        javafx.scene.control.Tab queueTab = exportView.addTab("Queue", queueView.root());
        queue.rows().addListener((javafx.collections.ListChangeListener<QueueViewModel.Row>) c -> {
            if (!queue.rows().isEmpty()) {
                exportView.show(queueTab);
            }
        });
        ExportLock lock = new ExportLock(scene, state.exportRunningProperty());
        SplitPane center = new SplitPane(lock.around(schemaView.root()), exportView.root());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.52);
        root.setCenter(center);
        root.setTop(new VBox(menus(() -> exportView.show(queueTab)), lock.around(connectionView.root()), toolbar()));
        scene.getStylesheets().add(MainWindow.class.getResource("sluice.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), export::start);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), export::preview);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!state.exportRunningProperty().get()) { // the schema browser is locked during an export
                schemaView.focusFilter();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), schema::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            export.cancel();
            export.cancelPreview();
            queue.cancel();
        });
        // the DSN comes back from the last run; the password is the one thing left to type
        Platform.runLater(connectionView::focusPassword);
        FirstFrame.watch(scene);
    }

    public MainWindow(HostServices host) {
        this(host, AppPaths.home());
    }

    /**
     * File: several tables to a folder, and jobs (the CLI's job files). The job items show the Queue tab
     * first: what they say ("Saved the job to …", why nothing ran) is said there.
     */
    private MenuBar menus(Runnable showQueue) {
        MenuItem tables = item("Export chosen tables to folder…", "Shortcut+Shift+E", queue::exportChosenTables);
        MenuItem open = item("Open job…", "Shortcut+O", () -> {
            showQueue.run();
            queue.openJob();
        });
        MenuItem save = item("Save job…", "Shortcut+S", () -> {
            showQueue.run();
            queue.saveJob();
        });
        MenuItem again = item("Run again", "Shortcut+R", () -> {
            showQueue.run();
            queue.runAgain();
        });
        for (MenuItem m : List.of(tables, open, save, again)) {
            m.disableProperty().bind(state.exportRunningProperty());
        }
        MenuItem quit = item("Quit", "Shortcut+Q", () -> javafx.application.Platform.exit());
        MenuItem keys = new MenuItem("Keys…");
        keys.setOnAction(e -> dialogs.inform("Keys", SHORTCUTS));
        MenuItem about = new MenuItem("About Sluice…");
        about.setOnAction(e -> dialogs.inform("About Sluice", "Sluice " + io.sluice.core.export.Version.current()
                + "\nMySQL and MariaDB tables into exact Parquet files.\nThe same engine runs from the command line: sluice --help"));
        return new MenuBar(new Menu("File", null, tables, new SeparatorMenuItem(), open, save, again, new SeparatorMenuItem(), quit),
                new Menu("Help", null, keys, about));
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(keys));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** A thin bar: the keys, and the light/dark switch (remembered). */
    private HBox toolbar() {
        ToggleButton dark = new ToggleButton("Dark theme");
        dark.setId("darkTheme");
        dark.setSelected(Theme.of(settings.get().theme) == Theme.DARK);
        dark.selectedProperty().addListener((o, was, on) -> {
            Theme theme = on ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            settings.update(d -> d.theme = theme.name());
        });
        Label hint = new Label("Ctrl+P preview · Ctrl+E export · Esc cancel · Ctrl+Enter run query · Ctrl+F filter · F5 reload");
        hint.getStyleClass().add("status");
        hint.setTooltip(new Tooltip(SHORTCUTS));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(10, hint, spring, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 12, 4, 12));
        return bar;
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

    public QueueViewModel queue() {
        return queue;
    }

    public WorkbenchSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (state.sourceProperty().get() != null) {
            export.saveChoices(state.sourceProperty().get());
        }
        export.cancel();
        connection.shutdown();
        tasks.shutdown();
        settings.flush(); // the last choices reach the disk before the JVM ends
    }
}
