package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.schema.Source;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.QueryReadBack;
import io.sluice.testing.SharedResources;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's preview, query source, memory and table switch, driven headless, with screenshots. */
@ExtendWith({MariaDbExtension.class, ApplicationExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.JAVAFX)
class WorkbenchQueryUiIT {
    private static final String QUERY = "SELECT t.id, t.c, COUNT(*) AS n, SUM(n.d12) AS total, DATE_ADD(MAX(m.d), INTERVAL 1 DAY) AS next_day\n"
            + "FROM sluice_types.texts t JOIN sluice_types.nums n ON n.id <= t.id JOIN sluice_types.temporal m ON m.id = t.id\n"
            + "GROUP BY t.id, t.c ORDER BY t.id DESC";

    @TempDir
    static Path settings;
    @TempDir
    Path out;
    private MainWindow window;

    /** The window's settings are written on their own thread: on disk before the temp folders go. */
    @org.junit.jupiter.api.AfterEach
    void settingsWritten() {
        if (window != null) {
            window.settings().flush();
        }
    }
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(null, settings);
        stage.setScene(window.scene());
        stage.show();
    }

    private static String savedSettings() {
        try {
            return Files.readString(settings.resolve("workbench.json"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private WindowDriver driver(FxRobot robot) {
        return new WindowDriver(robot, window);
    }

    private void connect(FxRobot robot, TestDb db) throws Exception {
        driver(robot).connect(db, TestDb.PASSWORD);
        WindowDriver.waitFor(() -> window.connection().connectedProperty().get() != null);
    }

    @Test
    @Order(1)
    void ctrlPPreviewsTheRowsWithTypedSortableHeaders(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db);
        driver(robot).selectTable("sluice_types", "temporal");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WindowDriver.waitFor(() -> !window.export().previewRows().isEmpty() && !window.export().previewRunningProperty().get());
        assertEquals(7, window.export().previewRows().size(), window.export().previewStatusProperty().get());
        @SuppressWarnings("unchecked")
        TableView<List<String>> grid = robot.lookup("#previewTable").queryAs(TableView.class);
        TableColumn<List<String>, ?> t6 = grid.getColumns().stream().filter(c -> c.getText().startsWith("t6\n")).findFirst().orElseThrow();
        assertEquals("t6\nDuration(µs)", t6.getText());
        assertEquals("id\nInt32", grid.getColumns().get(0).getText());
        robot.clickOn(grid.lookup(".column-header .label"));  // the id header: ascending
        robot.clickOn(grid.lookup(".column-header .label"));  // descending
        WindowDriver.waitFor(() -> !grid.getSortOrder().isEmpty());
        assertEquals("7", grid.getItems().isEmpty() ? "" : String.valueOf(grid.getColumns().get(0).getCellData(0)),
                "sorted by id, descending, as numbers");
        // each column is as wide as its longest value (a fixed width cut 20-digit keys to the same "92233720368…")
        TableColumn<List<String>, ?> dt6 = grid.getColumns().stream().filter(c -> c.getText().startsWith("dt6\n")).findFirst().orElseThrow();
        assertTrue(dt6.getWidth() > new javafx.scene.text.Text("1900-02-28 23:59:59.999999").getLayoutBounds().getWidth(),
                "dt6 is " + dt6.getWidth() + " px wide");
        assertTrue(grid.getColumns().get(0).getWidth() >= 90, "the id column fits its header");
        Screenshots.save(window.scene(), "09-preview-grid");
    }

    @Test
    @Order(2)
    void aJoinAndAnAggregateFromTheQueryEditorExportExactly(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db);
        robot.clickOn("Query");
        TextArea editor = robot.lookup("#queryArea").queryAs(TextArea.class);
        robot.interact(() -> editor.setText(QUERY));
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WindowDriver.waitFor(() -> window.state().sourceProperty().get() instanceof Source.Query
                && !window.export().previewRows().isEmpty() && !window.export().previewRunningProperty().get());
        assertEquals(List.of("id", "c", "n", "total", "next_day"), window.schema().columns().stream().map(r -> r.name()).toList());
        assertEquals("Query", window.schema().titleProperty().get());
        Screenshots.save(window.scene(), "10-query-editor");

        Path target = out.resolve("query.parquet");
        robot.interact(() -> window.export().targetProperty().set(target.toString()));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WindowDriver.waitFor(() -> window.export().summaryProperty().get() != null || window.export().messageIsErrorProperty().get());
        assertNotNull(window.export().summaryProperty().get(), window.export().messageProperty().get());
        QueryReadBack.assertSameValues(db, "sluice_types", QUERY, target);
    }

    @Test
    @Order(3)
    void aRestartedWindowComesBackWhereItWasLeft(FxRobot robot, TestDb db) throws Exception {
        // the previous test ran the query: a new window over the same settings folder reopens it
        String dsn = "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port();
        assertEquals(dsn, window.connection().dsnProperty().get().replaceAll("/$", ""), "the DSN is remembered");
        assertEquals("", window.connection().passwordProperty().get(), "the password is not");
        assertTrue(robot.lookup("#passwordField").query().isFocused(), "the password field has the focus");
        assertEquals(QUERY, robot.lookup("#queryArea").queryAs(TextArea.class).getText());
        robot.interact(() -> window.connection().passwordProperty().set(TestDb.PASSWORD));
        robot.clickOn("#passwordField").type(KeyCode.ENTER);
        WindowDriver.waitFor(() -> window.state().sourceProperty().get() instanceof Source.Query && !window.schema().columns().isEmpty());
        assertTrue(window.export().targetProperty().get().endsWith("query.parquet"));
        window.settings().flush();
        String saved = Files.readString(settings.resolve("workbench.json"));
        assertFalse(saved.contains(TestDb.PASSWORD));
    }

    @Test
    @Order(4)
    void switchingTablesClearsTheLastTablesErrorAndSample(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db);
        driver(robot).selectTable("sluice_types", "ints");
        robot.interact(() -> {
            window.export().targetProperty().set(out.resolve("ints.parquet").toString());
            window.export().whereProperty().set("no_such_column = 1");
        });
        robot.clickOn("#startButton");
        WindowDriver.waitFor(() -> window.export().messageIsErrorProperty().get() && !window.export().runningProperty().get());
        driver(robot).selectTable("sluice_types", "nums");
        WindowDriver.waitFor(() -> window.export().messageProperty().get().isEmpty());
        assertTrue(window.export().sampleHeader().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<List<String>> sample = robot.lookup("#sampleTable").queryAs(TableView.class);
        assertTrue(sample.getColumns().isEmpty(), "the sample grid lost the previous table's columns");
        assertEquals("", window.export().whereProperty().get());
    }

    /** From the new-user trial: after a query, the table still shown selected could not be chosen again. */
    @Test
    @Order(6)
    void theTableChosenBeforeAQueryCanBeChosenAgain(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db);
        driver(robot).selectTable("sluice_types", "ints");
        robot.clickOn("Query");
        TextArea editor = robot.lookup("#queryArea").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("SELECT no_such_column FROM ints"));
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WindowDriver.waitFor(() -> window.state().sourceProperty().get() instanceof Source.Query);
        robot.clickOn("Tables");
        driver(robot).selectTable("sluice_types", "ints"); // waits until the table is the source, with its columns
        assertEquals(Source.table("sluice_types", "ints"), window.state().sourceProperty().get());
    }

    @Test
    @Order(5)
    void theDarkThemeIsOneClickAndRemembered(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db);
        driver(robot).selectTable("sluice_types", "temporal");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WindowDriver.waitFor(() -> !window.export().previewRows().isEmpty() && !window.export().previewRunningProperty().get());
        try {
            robot.clickOn("#darkTheme");
            WindowDriver.waitFor(() -> savedSettings().contains("\"theme\" : \"DARK\""));
            Screenshots.save(window.scene(), "11-dark-theme");
        } finally {
            robot.clickOn("#darkTheme"); // the theme is the JVM's: the other UI tests stay light
            WindowDriver.waitFor(() -> savedSettings().contains("\"theme\" : \"LIGHT\""));
        }
    }
}
