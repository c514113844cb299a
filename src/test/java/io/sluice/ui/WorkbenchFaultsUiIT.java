package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.BigTable;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ServerQueries;
import io.sluice.testing.SharedResources;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The fault scenarios that have a path through the window: one sentence in the window, the target
 * untouched with no temp file, and the password in neither the settings nor the log.
 */
@ExtendWith({MariaDbExtension.class, ApplicationExtension.class})
@ResourceLock(SharedResources.JAVAFX)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ_WRITE)
class WorkbenchFaultsUiIT {
    private static final byte[] OLD = "keep me".getBytes(StandardCharsets.UTF_8);

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
    private WindowDriver user;

    @Start
    void start(Stage stage) {
        window = new MainWindow(null, settings);
        stage.setScene(window.scene());
        stage.show();
    }

    private void connected(FxRobot robot, TestDb db) throws Exception {
        user = new WindowDriver(robot, window);
        user.connect(db, TestDb.PASSWORD);
        WindowDriver.waitFor(() -> window.connection().connectedProperty().get() != null);
    }

    /** Starts an export of the selected table into a file that already holds something. */
    private Path exportInto(FxRobot robot, String name, String where) throws Exception {
        Path target = startInto(robot, name, where);
        robot.clickOn("Replace"); // the window asks before it replaces a file it was not told to
        return target;
    }

    /** Fills the target and filter and presses Export. */
    private Path startInto(FxRobot robot, String name, String where) throws Exception {
        Path target = Files.write(out.resolve(name), OLD);
        robot.interact(() -> {
            window.export().targetProperty().set(target.toString());
            window.export().whereProperty().set(where);
        });
        robot.clickOn("#startButton");
        return target;
    }

    private void assertFailedCleanly(Path target, String sentence) throws Exception {
        WindowDriver.waitFor(() -> !window.export().runningProperty().get() && window.export().messageIsErrorProperty().get());
        String shown = window.export().messageProperty().get();
        Leaks.assertPlainSentence(shown);
        assertEquals(sentence, shown);
        assertArrayEquals(OLD, Files.readAllBytes(target), "the target was changed");
        Targets.assertNoTempFiles(out);
        Leaks.assertNowhere(settings, out);
    }

    @Test
    void anUnknownHostIsOneSentence(FxRobot robot) throws Exception {
        new WindowDriver(robot, window).connect("mysql://sluice@no-such-host.invalid:3306/", TestDb.PASSWORD);
        WindowDriver.waitFor(() -> window.connection().statusIsErrorProperty().get());
        String shown = window.connection().statusProperty().get();
        Leaks.assertPlainSentence(shown);
        assertEquals("The host 'no-such-host.invalid' is unknown; check the DSN.", shown);
        Leaks.assertNowhere(settings);
    }

    @Test
    void aFileThatIsThereIsReplacedOnlyWhenTheUserSaysSo(FxRobot robot, TestDb db) throws Exception {
        connected(robot, db);
        user.selectTable("sluice_types", "ints");
        Path target = startInto(robot, "ints.parquet", "");
        DialogPane question = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Replace ints.parquet?", question.getHeaderText());
        Screenshots.save(question.getScene(), "13-replace-the-file");
        robot.clickOn("Cancel");
        WindowDriver.waitFor(() -> "Not started: ints.parquet was kept.".equals(window.export().messageProperty().get()));
        assertArrayEquals(OLD, Files.readAllBytes(target), "the file was changed");
        Targets.assertNoTempFiles(out);
    }

    @Test
    void aFilterWithASyntaxError(FxRobot robot, TestDb db) throws Exception {
        connected(robot, db);
        user.selectTable("sluice_types", "ints");
        Path target = exportInto(robot, "ints.parquet", "id = = 1");
        assertFailedCleanly(target, "The filter is not valid SQL near '= 1'.");
        Screenshots.save(window.scene(), "07-error-bad-filter");
    }

    @Test
    void aTargetNamedAsACsvFileIsRefused(FxRobot robot, TestDb db) throws Exception {
        connected(robot, db);
        user.selectTable("sluice_types", "ints");
        Path target = startInto(robot, "ints.csv", ""); // refused before the window could ask about replacing it
        assertFailedCleanly(target, "Sluice writes Parquet, not CSV: name the file ints.parquet rather than ints.csv.");
    }

    @Test
    void aColumnDroppedBetweenProbeAndExport(FxRobot robot, TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_faults", "DROP TABLE IF EXISTS sluice_faults.shrinking",
                "CREATE TABLE sluice_faults.shrinking (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                "INSERT INTO sluice_faults.shrinking VALUES (1, 1, 'x'), (2, 2, 'y')");
        connected(robot, db);
        user.selectTable("sluice_faults", "shrinking");
        db.exec("ALTER TABLE sluice_faults.shrinking DROP COLUMN b"); // after the user saw the columns
        Path target = exportInto(robot, "shrinking.parquet", "");
        assertFailedCleanly(target, "The table shrinking has no column 'b'.");
    }

    @Test
    void theConnectionKilledMidExport(FxRobot robot, TestDb db) throws Exception {
        BigTable.ensure(db);
        connected(robot, db);
        user.selectTable(BigTable.DB, BigTable.TABLE);
        Set<Long> before = ServerQueries.selecting(db, BigTable.TABLE); // a cancelled test's query may linger
        Path target = exportInto(robot, "big.parquet", BigTable.PAUSE_MIDWAY);
        WindowDriver.waitFor(() -> window.export().sampleRows().size() > 0);
        long id = ServerQueries.awaitNew(db, BigTable.TABLE, before, () -> !window.export().runningProperty().get());
        try (Connection c = db.connect(); Statement kill = c.createStatement()) {
            kill.execute("KILL CONNECTION " + id);
        }
        assertFailedCleanly(target, "The connection to " + db.host() + ":" + db.port() + " was lost during the export.");
    }

    /** The password with every special character connects from the window and is saved nowhere. */
    @Test
    void theSpecialPasswordConnectsAndIsStoredNowhere(FxRobot robot, TestDb db) throws Exception {
        connected(robot, db);
        assertTrue(window.connection().statusProperty().get().startsWith("Connected to"));
        assertTrue(Files.exists(settings.resolve("recent.properties")), "the connection was remembered");
        String saved = Files.readString(settings.resolve("recent.properties"));
        assertTrue(saved.contains(db.host()), saved);
        Leaks.assertNowhere(settings);
    }
}
