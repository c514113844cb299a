package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.types.MappingTarget;
import io.sluice.testing.BigTable;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.SharedResources;
import io.sluice.testing.TestDb;
import io.sluice.ui.schema.ColumnRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window (headless) against the private MariaDB, and saves the screenshots. */
@ExtendWith({MariaDbExtension.class, ApplicationExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.JAVAFX)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ)
class WorkbenchUiIT {
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

    @Start
    void start(Stage stage) {
        window = new MainWindow(null, settings);
        stage.setScene(window.scene());
        stage.show();
    }

    private void connect(FxRobot robot, TestDb db, String password) {
        new WindowDriver(robot, window).connect(db, password);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WindowDriver.waitFor(condition);
    }

    private void selectTable(FxRobot robot, String database, String table) throws Exception {
        new WindowDriver(robot, window).selectTable(database, table);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsOnePlainSentence(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db, "wrong-password");
        waitFor(() -> window.connection().statusIsErrorProperty().get());
        assertEquals("The server at " + db.host() + ":" + db.port() + " refused the user name or password.",
                window.connection().statusProperty().get());
        Screenshots.save(window.scene(), "05-error-wrong-password");
    }

    @Test
    @Order(2)
    void connectBrowseAndOverrideAMapping(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db, TestDb.PASSWORD);
        waitFor(() -> window.connection().connectedProperty().get() != null);
        assertTrue(window.connection().statusProperty().get().startsWith("Connected to 11.4"), window.connection().statusProperty().get());
        Screenshots.save(window.scene(), "01-connection");
        selectTable(robot, "sluice_types", "nums");
        ColumnRow f = window.schema().columns().stream().filter(r -> r.name().equals("f")).findFirst().orElseThrow();
        assertEquals("Float32", f.arrowProperty().get());
        assertTrue(f.allowedTargets().contains(MappingTarget.FLOAT64));
        TableView<ColumnRow> grid = robot.lookup("#columnsTable").queryTableView();
        Label mapping = robot.lookup("#mappingLabel").queryAs(Label.class);
        Label noteLine = robot.lookup("#noteLabel").queryAs(Label.class);
        robot.interact(() -> grid.getSelectionModel().select(f));
        assertEquals("f:  float  →  Float32  →  FLOAT", mapping.getText(), "the chosen column's mapping in full, under the grid");
        robot.interact(() -> f.overrideProperty().set(MappingTarget.FLOAT64));
        assertEquals("Float64", f.arrowProperty().get());
        assertEquals("DOUBLE", f.parquetProperty().get());
        assertEquals("f:  float  →  Float64  →  DOUBLE", mapping.getText(), "an override re-maps the line of the chosen column");
        ColumnRow d65 = window.schema().columns().stream().filter(r -> r.name().equals("d65")).findFirst().orElseThrow();
        assertFalse(d65.noteProperty().get().isEmpty(), "the lossy mapping carries a note");
        robot.interact(() -> {
            grid.getSelectionModel().select(d65);
            grid.scrollTo(Math.max(0, grid.getItems().indexOf(d65) - 3)); // in the screenshot too, with rows before it
        });
        assertEquals("d65:  " + d65.mysqlType() + "  →  " + d65.arrowProperty().get() + "  →  " + d65.parquetProperty().get(),
                mapping.getText());
        assertEquals("⚠ d65: " + d65.noteProperty().get(), noteLine.getText(), "the note in full, which the grid's cell cuts");
        assertTrue(noteLine.isVisible() && mapping.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), "02-schema-browser");
    }

    @Test
    @Order(3)
    void exportWithProgressAndSampleThenCancel(FxRobot robot, TestDb db) throws Exception {
        BigTable.ensure(db);
        connect(robot, db, TestDb.PASSWORD);
        waitFor(() -> window.connection().connectedProperty().get() != null);
        selectTable(robot, BigTable.DB, BigTable.TABLE);
        Path target = out.resolve("big.parquet");
        robot.interact(() -> {
            window.export().targetProperty().set(target.toString());
            window.export().whereProperty().set(BigTable.PAUSE_MIDWAY); // still running when Esc comes
        });
        long started = System.nanoTime();
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL); // Ctrl+E starts the export
        waitFor(() -> window.export().runningProperty().get() && window.export().sampleRows().size() >= 20
                && !window.export().progressTextProperty().get().isEmpty());
        Screenshots.save(window.scene(), "03-export-in-progress");
        Node tree = robot.lookup("#tree").query();
        Node dsnField = robot.lookup("#dsnField").query();
        assertTrue(ExportLock.isLocked(tree), "the table list is locked while exporting");
        assertTrue(ExportLock.isLocked(dsnField), "the connection is locked while exporting");
        String dsn = window.connection().dsnProperty().get();
        robot.clickOn(dsnField).write("zz"); // the veil takes the click, so the keys reach no field
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dsnField.isFocused(), "a click on a locked field does not focus it");
        assertEquals(dsn, window.connection().dsnProperty().get(), "keys typed during an export do not reach a locked field");
        robot.interact(tree::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tree.isFocused(), "focus cannot walk into a locked panel");
        // a key that reaches a locked field all the same (typed before the focus moved out) goes to the window
        robot.interact(() -> dsnField.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "q", "", KeyCode.UNDEFINED, false, false, false, false)));
        assertEquals(dsn, window.connection().dsnProperty().get());
        // Tab walks past the locked panels to the export's own controls, Cancel among them
        boolean cancelReached = false;
        for (int i = 0; i < 25 && !cancelReached; i++) {
            robot.type(KeyCode.TAB);
            Node owner = window.scene().getFocusOwner();
            assertFalse(ExportLock.isLocked(owner), "Tab reached a locked node: " + owner);
            cancelReached = owner != null && "cancelButton".equals(owner.getId());
        }
        assertTrue(cancelReached, "Tab reaches Cancel during an export");
        for (Node veil : robot.lookup("." + ExportLock.VEIL_CLASS).queryAll()) {
            Node panel = ((javafx.scene.layout.StackPane) veil.getParent()).getChildren().get(0);
            assertEquals(panel.localToScene(panel.getLayoutBounds()), veil.localToScene(veil.getLayoutBounds()), "the veil covers its panel");
        }
        // by 2 s after Start the reader waits for the middle row, which the server holds back 5 s
        robot.sleep(Math.max(0, 2_000 - (System.nanoTime() - started) / 1_000_000));
        long pressed = System.nanoTime();
        robot.type(KeyCode.ESCAPE); // Esc cancels
        waitFor(() -> !window.export().runningProperty().get());
        long afterMs = (System.nanoTime() - pressed) / 1_000_000;
        assertTrue(afterMs < 2_500, "the export stopped " + afterMs + " ms after Esc, while the server held a row back");
        assertFalse(ExportLock.isLocked(tree));
        assertFalse(ExportLock.isLocked(dsnField));
        assertEquals("The export was cancelled; the target file was left as it was.", window.export().messageProperty().get());
        assertEquals("", window.export().progressTextProperty().get(), "no \"MiB written\" left beside a target left as it was");
        assertFalse(Files.exists(target));
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no temp file left");
        }
    }

    @Test
    @Order(4)
    void exportWithALimitShowsTheSummary(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db, TestDb.PASSWORD);
        waitFor(() -> window.connection().connectedProperty().get() != null);
        selectTable(robot, "sluice_types", "temporal");
        Path target = out.resolve("temporal.parquet");
        robot.interact(() -> {
            window.export().targetProperty().set(target.toString());
            window.export().limitProperty().set("5");
        });
        robot.clickOn("#startButton");
        waitFor(() -> window.export().summaryProperty().get() != null);
        assertEquals(5, window.export().summaryProperty().get().rows());
        assertTrue(Files.size(target) > 0);
        assertTrue(window.export().messageProperty().get().startsWith("Wrote 5 rows"), window.export().messageProperty().get());
        Screenshots.save(window.scene(), "04-summary");
    }

    /** A column whose name says nothing, full of e-mail addresses, is flagged from a sample of its values. */
    @Test
    @Order(5)
    void personalDataIsFlaggedByItsValues(FxRobot robot, TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_pii", "DROP TABLE IF EXISTS sluice_pii.people",
                "CREATE TABLE sluice_pii.people (id INT PRIMARY KEY, email VARCHAR(100), contact VARCHAR(100),"
                        + " ref VARCHAR(30), note VARCHAR(100))",
                "INSERT INTO sluice_pii.people VALUES (1, 'a@x.io', 'ann@example.com', '4111 1111 1111 1111', 'likes tea'),"
                        + " (2, NULL, 'bob@example.org', '5500-0000-0000-0004', 'called twice'),"
                        + " (3, NULL, 'cy@mail.example.net', '340000000000009', NULL), (4, NULL, NULL, NULL, 'vip')");
        connect(robot, db, TestDb.PASSWORD);
        waitFor(() -> window.connection().connectedProperty().get() != null);
        selectTable(robot, "sluice_pii", "people");
        java.util.Map<String, String> pii = new java.util.HashMap<>();
        window.schema().columns().forEach(r -> pii.put(r.name(), r.pii()));
        assertEquals("email", pii.get("email"), "by name");
        assertEquals("email (values)", pii.get("contact"));
        assertEquals("financial (values)", pii.get("ref"));
        assertEquals("", pii.get("note"));
        assertEquals("", pii.get("id"));
        Screenshots.save(window.scene(), "08-pii-by-values");
    }

    /** Parallel connections with a .parquet target: the ranges are read at once into that one file, not a folder. */
    @Test
    @Order(7)
    void parallelConnectionsIntoOneFile(FxRobot robot, TestDb db) throws Exception {
        connect(robot, db, TestDb.PASSWORD);
        waitFor(() -> window.connection().connectedProperty().get() != null);
        selectTable(robot, "sluice_types", "texts");
        Path target = out.resolve("texts.parquet");
        robot.interact(() -> window.export().targetProperty().set(target.toString()));
        robot.clickOn("#bigTablesPane");
        robot.doubleClickOn("#parallelField").write("2");
        assertEquals("2", window.export().parallelProperty().get());
        robot.clickOn("#startButton");
        waitFor(() -> window.export().summaryProperty().get() != null);
        assertEquals(4, window.export().summaryProperty().get().rows(), "the Summary tab, as for one connection");
        waitFor(() -> !window.export().sampleRows().isEmpty()); // the sample, from the first range's rows
        assertEquals("1", window.export().sampleRows().get(0).get(0), "the first range's first row: " + window.export().sampleRows());
        // the sample's columns fitted to their values, as the preview's (a fixed 120 px cut 'emoji 😀 and 𠀀 (4-byte)'),
        // when the grid is seen: a finished export shows its Summary
        javafx.scene.control.TableView<?> sample = robot.lookup("#sampleTable").queryAs(javafx.scene.control.TableView.class);
        double hidden = sample.getColumns().stream().filter(c -> c.getText().startsWith("vc")).findFirst().orElseThrow().getPrefWidth();
        assertEquals(120, hidden, 0.01, "not fitted behind the Summary tab");
        robot.clickOn("Sample of exported rows");
        WaitForAsyncUtils.waitForFxEvents();
        double vc = sample.getColumns().stream().filter(c -> c.getText().startsWith("vc")).findFirst().orElseThrow().getPrefWidth();
        assertTrue(vc > 150, "vc is " + vc + " px wide");
        String said = window.export().messageProperty().get();
        assertTrue(said.startsWith("Wrote 4 rows to " + target + " (") && said.contains(" over 2 connections"), said);
        String line = window.export().progressTextProperty().get(); // the last step: the ranges joined
        assertTrue(line.startsWith("joining the ranges into one file  ·  100%  ·  "), line);
        assertTrue(Files.isRegularFile(target), "one file, not a folder");
        io.sluice.testing.Targets.assertNoTempFiles(out);
        Screenshots.save(window.scene(), "14-parallel-into-one-file");
        // what Save job and Run again repeat: over the same connections
        assertEquals(2, window.state().lastJobProperty().get().exports().get(0).connections());
        // with a row limit, one sentence in the form's words, before anything starts
        robot.interact(() -> window.export().limitProperty().set("10"));
        robot.clickOn("#startButton");
        assertEquals("A row limit cannot be combined with parallel connections or Resume.", window.export().messageProperty().get());
        robot.interact(() -> window.export().limitProperty().set(""));
    }

    /** A newcomer's first click: the demo database starts, connects, and its tables are there to export. */
    @Test
    @Order(6)
    void theDemoDatabaseButtonConnectsToASampleShop(FxRobot robot) throws Exception {
        try {
            robot.clickOn("#demoButton");
            WindowDriver.waitFor(() -> window.connection().connectedProperty().get() != null
                    && window.schema().databases().stream().anyMatch(d -> d.database().name().equals("sluice_demo")));
            selectTable(robot, "sluice_demo", "customers");
            assertTrue(window.schema().columns().stream().anyMatch(r -> r.pii().startsWith("email")), "demo customers carry PII");
            Path target = out.resolve("customers.parquet");
            robot.interact(() -> window.export().targetProperty().set(target.toString()));
            robot.clickOn("#startButton");
            waitFor(() -> window.export().summaryProperty().get() != null);
            assertEquals(5000, window.export().summaryProperty().get().rows());
        } finally {
            robot.interact(() -> window.close()); // stops the demo server
        }
    }
}
