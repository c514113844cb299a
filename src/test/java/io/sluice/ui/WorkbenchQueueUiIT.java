package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.export.FileNames;
import io.sluice.core.job.JobFiles;
import io.sluice.core.schema.TableInfo;
import io.sluice.ui.queue.QueueViewModel;
import io.sluice.testing.BigTable;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.SharedResources;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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

/** Several tables exported to a folder as a queue in the window; Cancel midway; a job saved, opened and run again. */
@ExtendWith({MariaDbExtension.class, ApplicationExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(SharedResources.JAVAFX)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ)
class WorkbenchQueueUiIT {
    @TempDir
    static Path settings;
    @TempDir
    static Path out;
    private static final String ODD = "odd db `name` ü.select 'x' \"y\" `z` ünï ✓ 表;";
    private MainWindow window;

    /** The window's settings are written on their own thread: on disk before the temp folders go. */
    @org.junit.jupiter.api.AfterEach
    void settingsWritten() {
        if (window != null) {
            window.settings().flush();
        }
    }

    /** The big table's remembered filter pauses the server midway, so Cancel comes while it runs. */
    @BeforeAll
    static void rememberedChoices() throws Exception {
        Files.writeString(settings.resolve("workbench.json"), "{\"version\": 1, \"choices\": {\"" + BigTable.DB + "." + BigTable.TABLE
                + "\": {\"where\": \"" + BigTable.PAUSE_MIDWAY.replace("\"", "\\\"") + "\"}, \"sluice_types.nums\": {\"excluded\": [\"d65\"]}}}");
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(null, settings);
        stage.setScene(window.scene());
        stage.show();
    }

    private void connectAndChoose(FxRobot robot, TestDb db, String... tables) throws Exception {
        new WindowDriver(robot, window).connect(db, TestDb.PASSWORD);
        WindowDriver.waitFor(() -> !window.schema().databases().isEmpty());
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#tree").queryAs(TreeView.class);
        robot.interact(() -> {
            tree.getSelectionModel().clearSelection();
            for (String qualified : tables) {
                for (TreeItem<Object> dbItem : tree.getRoot().getChildren()) {
                    for (TreeItem<Object> t : dbItem.getChildren()) {
                        TableInfo ti = (TableInfo) t.getValue();
                        if ((ti.database() + "." + ti.name()).equals(qualified)) {
                            tree.getSelectionModel().select(t); // adds: the tree takes several
                        }
                    }
                }
            }
        });
        WindowDriver.waitFor(() -> window.state().chosenTables().size() == tables.length);
    }

    /**
     * Until the queue of {@code tables} has run: its rows come once their columns are read, off the FX
     * thread, so an empty queue is not yet a finished one.
     */
    private void waitForTheQueue(int tables) throws Exception {
        WindowDriver.waitFor(() -> states().size() == tables && !window.state().exportRunningProperty().get()
                && states().stream().noneMatch(s -> s.equals("waiting") || s.equals("running") || s.equals("joining")));
    }

    private List<String> states() {
        return window.queue().rows().stream().map(r -> r.stateProperty().get()).toList();
    }

    @Test
    @Order(1)
    void threeTablesToAFolderEachExact(FxRobot robot, TestDb db) throws Exception {
        connectAndChoose(robot, db, "sluice_types.ints", "sluice_types.nums", "sluice_types.temporal");
        Path folder = out.resolve("three");
        robot.interact(() -> window.queue().exportTables(List.copyOf(window.state().chosenTables()), folder));
        waitForTheQueue(window.state().chosenTables().size());
        assertEquals(List.of("done", "done", "done"), states(), window.queue().messageProperty().get());
        assertEquals("Wrote 3 of 3 tables.", window.queue().messageProperty().get());
        try (Connection c = db.connect()) {
            for (String t : List.of("ints", "temporal")) {
                ParquetVerifier.Report r = ParquetVerifier.verify(c, "sluice_types", t, "id", folder.resolve("sluice_types/" + t + ".parquet"));
                assertTrue(r.mismatches().isEmpty(), () -> String.join("\n", r.mismatches()));
            }
        }
        List<String> nums = ParquetFiles.schema(folder.resolve("sluice_types/nums.parquet")).getFields().stream().map(f -> f.getName()).toList();
        assertFalse(nums.contains("d65"), "the remembered choice for nums left d65 out: " + nums);
        assertTrue(nums.contains("d38"));
        Screenshots.save(window.scene(), "12-queue");
    }

    @Test
    @Order(2)
    void cancelStopsTheRunningTableAndSkipsTheRest(FxRobot robot, TestDb db) throws Exception {
        BigTable.ensure(db);
        // the queue follows the tree's order: the odd database, then sluice_big, then sluice_types
        connectAndChoose(robot, db, ODD, BigTable.DB + "." + BigTable.TABLE, "sluice_types.texts");
        Path folder = out.resolve("cancelled");
        robot.interact(() -> window.queue().exportTables(List.copyOf(window.state().chosenTables()), folder));
        WindowDriver.waitFor(() -> states().size() == 3 && "running".equals(states().get(1)));
        robot.type(KeyCode.ESCAPE); // Esc cancels the queue too
        WindowDriver.waitFor(() -> !window.state().exportRunningProperty().get());
        assertEquals(List.of("done", "cancelled", "skipped"), states());
        assertTrue(Files.exists(FileNames.tableFile(folder, "odd db `name` ü", "select 'x' \"y\" `z` ünï ✓ 表;")),
                "a finished file stays");
        assertFalse(Files.exists(folder.resolve(BigTable.DB + "/" + BigTable.TABLE + ".parquet")));
        assertFalse(Files.exists(folder.resolve("sluice_types/texts.parquet")));
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(0, files.filter(p -> p.toString().contains("sluice-tmp")).count(), "no temp file left");
        }
    }

    @Test
    @Order(3)
    void aSavedJobOpensAndRunsAgainWithTheSameFiles(FxRobot robot, TestDb db) throws Exception {
        connectAndChoose(robot, db, "sluice_types.ints", "sluice_types.bins");
        Path folder = out.resolve("job");
        robot.interact(() -> window.queue().exportTables(List.copyOf(window.state().chosenTables()), folder));
        waitForTheQueue(window.state().chosenTables().size());
        List<String> before = contents(folder);
        Path job = out.resolve("window-job.json");
        JobFiles.write(window.state().lastJobProperty().get(), job); // what File > Save job... writes
        Leaks.assertNotIn("the job file", Files.readString(job));
        deleteTree(folder);

        robot.interact(() -> window.queue().openJob(job)); // File > Open job... on the same connection runs it
        WindowDriver.waitFor(() -> !window.state().exportRunningProperty().get() && states().stream().allMatch("done"::equals));
        assertEquals(before, contents(folder));
        deleteTree(folder);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL); // Run again
        WindowDriver.waitFor(() -> Files.exists(folder.resolve("sluice_types/bins.parquet"))
                && !window.state().exportRunningProperty().get());
        assertEquals(before, contents(folder));

        // a password written into a job by hand: refused in one sentence, and shown nowhere
        Files.writeString(job, Files.readString(job).replace("mysql://sluice@", "mysql://sluice:hunter2@"));
        robot.interact(() -> window.queue().openJob(job));
        String said = window.queue().messageProperty().get();
        assertTrue(said.startsWith("The job file window-job.json has a password in connection.dsn: remove it"), said);
        assertFalse(said.contains("hunter2"), said);
    }

    private static List<String> contents(Path root) throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                files.add(root.relativize(f) + ": " + ParquetFiles.rows(f));
            }
        }
        return files;
    }

    /** The form's parallel connections apply to each table of the queue, as --parallel does with --out-dir. */
    @Test
    @Order(4)
    void theQueueReadsEachTableOverTheFormsConnections(FxRobot robot, TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_qnokey", "DROP TABLE IF EXISTS sluice_qnokey.loose",
                "CREATE TABLE sluice_qnokey.loose (a INT, b VARCHAR(10))", "INSERT INTO sluice_qnokey.loose VALUES (1, 'x'), (2, NULL)");
        connectAndChoose(robot, db, "sluice_types.ints", "sluice_types.temporal", "sluice_qnokey.loose");
        robot.interact(() -> window.export().parallelProperty().set("2"));
        try {
            Path folder = out.resolve("two-connections");
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>(); // each row's states as they came
            javafx.collections.ListChangeListener<QueueViewModel.Row> watch = c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(r -> r.stateProperty().addListener((o, was, now) -> seen.add(r.table() + ": " + now)));
                }
            };
            robot.interact(() -> {
                window.queue().rows().addListener(watch);
                window.queue().exportTables(List.copyOf(window.state().chosenTables()), folder);
            });
            waitForTheQueue(3);
            assertEquals(List.of("done", "done", "done"), states(), window.queue().messageProperty().get());
            robot.interact(() -> window.queue().rows().removeListener(watch));
            assertTrue(seen.stream().anyMatch(x -> x.contains("ints") && x.endsWith(": joining")), "the ranges' join on its row: " + seen);
            assertEquals(List.of(2, 2, 2), window.state().lastJobProperty().get().exports().stream().map(e -> e.connections()).toList());
            // the table without a key was read as one stream, and its row says so
            String loose = window.queue().rows().stream().filter(r -> r.table().endsWith("loose")).findFirst().orElseThrow()
                    .detailProperty().get();
            assertTrue(loose.endsWith("— The table has no one-column primary key or unique NOT NULL column of integers, decimals or dates"
                    + " to cut it by, so it was read as one stream."), loose);
            try (Connection c = db.connect()) {
                for (String t : List.of("ints", "temporal")) {
                    ParquetVerifier.Report r = ParquetVerifier.verify(c, "sluice_types", t, "id", folder.resolve("sluice_types/" + t + ".parquet"));
                    assertTrue(r.mismatches().isEmpty(), () -> String.join("\n", r.mismatches()));
                }
            }
        } finally {
            robot.interact(() -> window.export().parallelProperty().set(""));
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
