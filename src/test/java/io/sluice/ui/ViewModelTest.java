package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.ColumnDetails;
import io.sluice.core.service.SluiceService;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.MySqlType;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import io.sluice.ui.connection.ConnectionViewModel;
import io.sluice.ui.export.ExportViewModel;
import io.sluice.ui.schema.ColumnRow;
import io.sluice.ui.schema.SchemaViewModel;
import io.sluice.ui.settings.RecentConnection;
import io.sluice.ui.settings.RecentConnections;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ViewModels without a window: jobs run on the test's thread ({@link CurrentThreadTaskExecutor}),
 * against the run's private MariaDB, so whole success paths are covered, not only form checks.
 */
@ExtendWith(MariaDbExtension.class)
class ViewModelTest {
    @TempDir
    Path dir;

    private final SluiceService service = new SluiceService();
    private final WorkbenchState state = new WorkbenchState();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @AfterEach
    void close() {
        service.close();
        settings().flush(); // the settings are written on their own thread: on disk before the temp folder goes
    }

    private WorkbenchSettings settings;

    /** One settings store a window, as MainWindow has. */
    private WorkbenchSettings settings() {
        if (settings == null) {
            settings = new WorkbenchSettings(dir.resolve("workbench.json"));
        }
        return settings;
    }

    /** Dialogs answered by the test: a chosen file, no file manager, a clipboard that remembers. */
    private final class RecordingDialogs implements DialogService {
        Path answer;
        String clipboard;
        /** What confirm() answers, and the questions it was asked. */
        boolean confirms = true;
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean confirm(String title, String text, String action) {
            asked.add(title + " " + text + " [" + action + "]");
            return confirms;
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initial) {
            return Optional.ofNullable(answer);
        }

        @Override
        public Optional<Path> openFile(String title, String filterName, String... globs) {
            return Optional.ofNullable(answer);
        }

        @Override
        public Optional<Path> saveFile(String title, Path suggested, String filterName, String glob) {
            return Optional.ofNullable(answer);
        }

        @Override
        public boolean openFolder(Path folder) {
            return false;
        }

        @Override
        public void inform(String title, String text) {
            clipboard = title + ": " + text;
        }

        @Override
        public void copyToClipboard(String text) {
            clipboard = text;
        }
    }

    private ConnectionViewModel connect(TestDb db) {
        ConnectionViewModel vm = new ConnectionViewModel(tasks, service, state, new RecentConnections(dir.resolve("recent.properties")),
                settings(), dialogs);
        vm.dsnProperty().set(db.dsn("").redacted());
        vm.passwordProperty().set(TestDb.PASSWORD);
        vm.tlsModeProperty().set(TlsMode.DISABLED);
        vm.testConnection();
        return vm;
    }

    @Test
    void connectingListsTheCatalogueAndChoosingATableShowsItsMappings(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ConnectionViewModel connection = connect(db);
        assertNotNull(state.connectedProperty().get(), connection.statusProperty().get());
        assertTrue(connection.statusProperty().get().startsWith("Connected to 11.4"), connection.statusProperty().get());
        assertTrue(schema.databases().stream().anyMatch(d -> d.database().name().equals("sluice_types")));
        assertTrue(schema.databases().stream().noneMatch(d -> d.database().system()), "system databases are left out");

        TableInfo texts = schema.databases().stream().filter(d -> d.database().name().equals("sluice_types")).findFirst()
                .orElseThrow().tables().stream().filter(t -> t.name().equals("texts")).findFirst().orElseThrow();
        schema.select(texts);
        assertEquals(14, state.columns().size(), schema.statusProperty().get());
        ColumnRow json = state.columns().stream().filter(r -> r.name().equals("j")).findFirst().orElseThrow();
        assertEquals("BINARY JSON", json.parquetProperty().get());
        assertEquals("Utf8 (dictionary)", state.columns().stream().filter(r -> r.name().equals("e")).findFirst().orElseThrow()
                .arrowProperty().get());

        // the count of notes follows an override that takes a note away (utf8 keeps zero dates as text)
        schema.select(new TableInfo("sluice_types", "temporal", false, -1, -1, ""));
        assertEquals("11 columns, 10 with a note.", schema.statusProperty().get());
        ColumnRow d = state.columns().stream().filter(r -> r.name().equals("d")).findFirst().orElseThrow();
        d.overrideProperty().set(MappingTarget.UTF8);
        assertEquals("11 columns, 9 with a note.", schema.statusProperty().get());
    }

    /** A connection that fails after one that worked: the last server's tables are not left next to the new DSN. */
    @Test
    void aFailedConnectionLeavesNoTablesOfTheLastServer(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ConnectionViewModel connection = connect(db);
        assertFalse(schema.databases().isEmpty());
        connection.dsnProperty().set("mysql://ann@127.0.0.1:1/shop");
        connection.testConnection();
        assertTrue(connection.statusProperty().get().startsWith("Nothing answered at 127.0.0.1:1"), connection.statusProperty().get());
        assertNull(state.connectedProperty().get(), "not connected to the last server any more");
        assertTrue(schema.databases().isEmpty() && state.columns().isEmpty() && state.sourceProperty().get() == null);
        assertEquals("Not connected: connect to list the tables.", schema.statusProperty().get());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheUserSaysSo(TestDb db) throws Exception {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        Path folder = Files.createDirectories(dir.resolve("typed"));
        Path theirs = Files.writeString(folder.resolve("ints.parquet"), "another export's file");
        schema.select(new TableInfo("sluice_types", "nums", false, -1, -1, ""));
        export.targetProperty().set(folder.resolve("mine.parquet").toString()); // typed by the user
        schema.select(new TableInfo("sluice_types", "ints", false, -1, -1, ""));
        assertEquals(theirs.toString(), export.targetProperty().get(), "the next table's file goes into the folder typed");

        dialogs.confirms = false;
        assertFalse(export.start());
        assertEquals("another export's file", Files.readString(theirs));
        assertEquals("Not started: ints.parquet was kept.", export.messageProperty().get());
        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.get(0).startsWith("Replace ints.parquet? ints.parquet already exists in " + folder), dialogs.asked.get(0));

        dialogs.confirms = true;
        assertTrue(export.start(), export.messageProperty().get());
        assertTrue(export.messageProperty().get().startsWith("Wrote "), export.messageProperty().get());
        assertEquals(2, dialogs.asked.size());
        assertTrue(export.start(), export.messageProperty().get());
        assertEquals(2, dialogs.asked.size(), "the file it has just written is exported again without asking");

        Path chosen = Files.writeString(folder.resolve("chosen.parquet"), "old");
        dialogs.answer = chosen; // the save dialog asks about an existing file itself
        export.browse();
        assertTrue(export.start(), export.messageProperty().get());
        assertEquals(2, dialogs.asked.size(), "not asked twice");
    }

    @Test
    void valuesWrittenAsNullAreSaidInTheMessageNotOnlyInTheSummary(TestDb db) throws Exception {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(new TableInfo("sluice_types", "temporal", false, -1, -1, "")); // holds zero dates
        dialogs.answer = dir.resolve("temporal.parquet");
        export.browse();
        assertTrue(export.start(), export.messageProperty().get());
        assertTrue(export.messageProperty().get().matches("Wrote .* ⚠ [0-9,]+ values the mapping cannot hold were written as NULL;"
                + " the Summary tab names their columns\\."), export.messageProperty().get());
    }

    @Test
    void anExportRunsFromTheSharedStateAndReportsThroughItsTask(TestDb db) throws Exception {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(new TableInfo("sluice_types", "ints", false, -1, -1, ""));
        state.columns().forEach(r -> r.includeProperty().set(r.name().equals("id") || r.name().startsWith("ti")));
        List<String> chosen = state.includedColumns();
        dialogs.answer = dir.resolve("ints.parquet");
        export.browse();
        assertEquals(dir.resolve("ints.parquet").toString(), export.targetProperty().get());

        assertTrue(export.start(), export.messageProperty().get());
        assertFalse(export.runningProperty().get());
        assertNotNull(export.summaryProperty().get(), export.messageProperty().get());
        assertTrue(export.messageProperty().get().startsWith("Wrote "), export.messageProperty().get());
        assertEquals(List.of(), dialogs.asked, "a new file is not asked about");
        assertEquals(1.0, export.progressProperty().get());
        assertEquals(chosen, export.sampleHeader());
        assertEquals(export.summaryProperty().get().rows(), export.sampleRows().size(), "every row of a small table is sampled");
        List<String> written = new ArrayList<>();
        ParquetFiles.schema(dir.resolve("ints.parquet")).getFields().forEach(f -> written.add(f.getName()));
        assertEquals(chosen, written);

        export.copyPath();
        assertEquals(dir.resolve("ints.parquet").toString(), dialogs.clipboard);
        export.openFolder();
        assertEquals("No file manager is available here; use Copy path instead.", export.messageProperty().get());
    }

    @Test
    void aFailedExportSaysOneSentenceAndLeavesNoFile(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(new TableInfo("sluice_types", "ints", false, -1, -1, ""));
        export.targetProperty().set(dir.resolve("bad.parquet").toString());
        export.whereProperty().set("no_such_column = 1");
        assertTrue(export.start());
        assertFalse(export.runningProperty().get());
        assertTrue(export.messageIsErrorProperty().get());
        assertEquals("The column or name 'no_such_column' does not exist in the table; check the filter.",
                export.messageProperty().get());
        assertNull(export.summaryProperty().get());
        assertFalse(Files.exists(dir.resolve("bad.parquet")));
        schema.select(new TableInfo("sluice_types", "nums", false, -1, -1, ""));
        assertEquals(dir.resolve("nums.parquet").toString(), export.targetProperty().get(), "a failed filter keeps its folder");

        // a folder nothing can be written to is not suggested for the next table (a new user's trial got /proc/…)
        export.targetProperty().set("/proc/x.parquet");
        assertTrue(export.start());
        assertTrue(export.messageIsErrorProperty().get(), export.messageProperty().get());
        assertEquals("", export.progressTextProperty().get(), "no bar of an earlier export beside the sentence");
        schema.select(new TableInfo("sluice_types", "ints", false, -1, -1, ""));
        assertFalse(export.targetProperty().get().startsWith("/proc/"), export.targetProperty().get());
        // the next action's sentence is the one on screen: a preview clears the export's refusal
        export.limitProperty().set("ten");
        export.preview();
        assertEquals("The row limit must be a whole number.", export.previewStatusProperty().get());
        assertTrue(export.previewIsErrorProperty().get(), "red, as a failed filter's sentence is");
        assertEquals("", export.messageProperty().get());
    }

    @Test
    void anOverrideUpdatesArrowAndParquetAtOnce() {
        ColumnRow row = new ColumnRow(ColumnDetails.of(ColumnInfo.of("amount", 1, MySqlType.parse("bigint", "bigint(20) unsigned"), true), null));
        assertEquals("UInt64", row.arrowProperty().get());
        assertFalse(row.noteProperty().get().isEmpty());
        assertEquals(List.of(MappingTarget.DEFAULT, MappingTarget.DECIMAL, MappingTarget.UTF8), row.allowedTargets());
        row.overrideProperty().set(MappingTarget.DECIMAL);
        assertEquals("Decimal128(20, 0)", row.arrowProperty().get());
        assertEquals("FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0)", row.parquetProperty().get());
        assertTrue(row.noteProperty().get().isEmpty());
    }

    @Test
    void personalDataIsFlaggedByNameFirstThenByValues() {
        assertEquals("email", pii("customer_email", "varchar(99)", null));
        assertEquals("birth date", pii("birth_date", "date", null));
        assertEquals("", pii("total", "int", null));
        assertEquals("phone (values)", pii("contact", "varchar(40)", "phone"));
        assertEquals("email", pii("email", "varchar(40)", "phone"));
    }

    private static String pii(String name, String type, String byValues) {
        String dataType = type.replaceAll("\\(.*", "");
        return new ColumnRow(ColumnDetails.of(ColumnInfo.of(name, 1, MySqlType.parse(dataType, type), true), byValues)).pii();
    }

    @Test
    void theExportFormSaysWhatIsMissingBeforeAnythingRuns() {
        ExportViewModel vm = new ExportViewModel(tasks, service, state, dialogs, settings());
        state.sourceProperty().set(Source.table("shop", "orders"));
        assertTrue(vm.targetProperty().get().endsWith("orders.parquet"), "a target is suggested for the chosen table");
        assertFalse(vm.start());
        assertEquals("Connect and choose a table or a query first.", vm.messageProperty().get());
        state.connectedProperty().set(io.sluice.core.connect.ConnectionSpec.builder(io.sluice.core.connect.Dsn.parse("h")).build());
        state.columns().add(new ColumnRow(ColumnDetails.of(ColumnInfo.of("id", 1, MySqlType.parse("int", "int"), false), null)));
        vm.limitProperty().set("ten");
        assertFalse(vm.start());
        assertEquals("The row limit must be a whole number.", vm.messageProperty().get());
        vm.limitProperty().set("-5");
        assertFalse(vm.start());
        assertEquals("The row limit cannot be negative.", vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void recentConnectionsNeverHoldAPassword() throws Exception {
        RecentConnections store = new RecentConnections(dir.resolve("recent.properties"));
        store.remember(new RecentConnection("mysql://ann:hunter2@db.example.com:3306/shop", TlsMode.REQUIRED, "", "shop", "orders"));
        String saved = Files.readString(dir.resolve("recent.properties"));
        assertFalse(saved.contains("hunter2"), saved);
        List<RecentConnection> back = store.load();
        assertEquals("mysql://ann@db.example.com:3306/shop", back.get(0).dsn());
        assertEquals(TlsMode.REQUIRED, back.get(0).tlsMode());
        assertEquals("orders", back.get(0).table());
    }

    private static TableInfo table(String db, String name) {
        return new TableInfo(db, name, false, -1, -1, "");
    }

    @Test
    void aPreviewShowsTheRowsAsTheyWillBeWrittenWithArrowTypes(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(table("sluice_types", "temporal"));
        state.columns().forEach(r -> r.includeProperty().set(r.name().equals("id") || r.name().equals("t6")));
        export.whereProperty().set("id = 2");
        export.preview();
        assertEquals(List.of(new ExportViewModel.PreviewColumn("id", "Int32"), new ExportViewModel.PreviewColumn("t6", "Duration(µs)")),
                export.previewColumns());
        assertEquals(1, export.previewRows().size(), export.previewStatusProperty().get());
        assertTrue(export.previewRows().get(0).get(1).endsWith(" µs (838:59:59.999999)"), export.previewRows().get(0).toString());
        assertEquals("1 row, as it will be written.", export.previewStatusProperty().get());
        state.columns().get(0).overrideProperty().set(MappingTarget.INT64);
        assertTrue(export.previewStatusProperty().get().startsWith("The columns, mappings or filter changed since this preview"),
                "a preview read with other choices says so");
    }

    @Test
    void aQueryBecomesTheSourceAndCtrlEnterPreviewsIt(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.queryTextProperty().set("SELECT id, SUM(ti) AS total, COUNT(*) AS n FROM sluice_types.ints GROUP BY id ORDER BY id DESC");
        schema.runQuery();
        assertTrue(state.sourceProperty().get() instanceof Source.Query);
        assertEquals("Query", schema.titleProperty().get());
        assertEquals(List.of("id", "total", "n"), state.columns().stream().map(ColumnRow::name).toList());
        assertEquals("Decimal128(25, 0)", state.columns().get(1).arrowProperty().get());
        assertFalse(export.previewRows().isEmpty(), export.previewStatusProperty().get());
        assertTrue(export.targetProperty().get().endsWith("query.parquet"));
    }

    @Test
    void switchingTablesForgetsThePreviousTablesErrorAndSample(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(table("sluice_types", "ints"));
        export.whereProperty().set("no_such_column = 1");
        export.targetProperty().set(dir.resolve("bad.parquet").toString());
        export.start();
        assertTrue(export.messageIsErrorProperty().get());
        assertFalse(export.sampleHeader().isEmpty());
        schema.select(table("sluice_types", "nums"));
        assertEquals("", export.messageProperty().get());
        assertFalse(export.messageIsErrorProperty().get());
        assertTrue(export.sampleHeader().isEmpty(), "the previous table's sample columns are gone");
        assertEquals("", export.whereProperty().get(), "the previous table's filter is not carried over");
    }

    @Test
    void theWorkbenchRemembersConnectionSourceAndChoicesAcrossARestart(TestDb db) throws Exception {
        {
            SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
            ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
            connect(db);
            schema.select(table("sluice_types", "ints"));
            state.columns().stream().filter(r -> r.name().equals("tiu")).forEach(r -> r.includeProperty().set(false));
            state.columns().stream().filter(r -> r.name().equals("t1")).forEach(r -> r.overrideProperty().set(MappingTarget.BOOL));
            export.whereProperty().set("t1 IN (0, 1)");
            export.limitProperty().set("3");
            export.compressionProperty().set(io.sluice.core.write.Compression.SNAPPY);
            export.targetProperty().set(dir.resolve("out").resolve("ints.parquet").toString());
            java.nio.file.Files.createDirectories(dir.resolve("out"));
            assertTrue(export.start());
            assertNotNull(export.summaryProperty().get(), export.messageProperty().get());
        }
        settings.flush();
        String saved = Files.readString(dir.resolve("workbench.json"));
        assertTrue(saved.contains("ints.parquet") || saved.contains("\"table\" : \"ints\""), saved);
        assertFalse(saved.contains(TestDb.PASSWORD), "no password in the settings");

        // a new window: fresh state, ViewModels and settings store over the same settings folder
        settings = null;
        WorkbenchState again = new WorkbenchState();
        ConnectionViewModel connection = new ConnectionViewModel(tasks, service, again,
                new RecentConnections(dir.resolve("recent.properties")), settings(), dialogs);
        assertEquals(db.dsn("").redacted(), connection.dsnProperty().get());
        assertEquals(TlsMode.DISABLED, connection.tlsModeProperty().get());
        assertEquals("", connection.passwordProperty().get());
        SchemaViewModel schema = new SchemaViewModel(tasks, service, again, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, again, dialogs, settings());
        connection.passwordProperty().set(TestDb.PASSWORD);
        connection.testConnection();
        assertEquals(Source.table("sluice_types", "ints"), again.sourceProperty().get(), "the last table is open again");
        assertFalse(again.includedColumns().contains("tiu"));
        assertEquals(MappingTarget.BOOL, again.overrides().get("t1"));
        assertEquals("t1 IN (0, 1)", export.whereProperty().get());
        assertEquals("3", export.limitProperty().get());
        assertEquals(io.sluice.core.write.Compression.SNAPPY, export.compressionProperty().get());
        assertEquals(dir.resolve("out").resolve("ints.parquet").toString(), export.targetProperty().get());
    }

    @Test
    void aBigTableIntoPartsOverParallelRangesAndAnUnfinishedFolderIsOfferedForResume(TestDb db) throws Exception {
        ExportViewModel export = exportFormOn(db, "sluice_types", "ints");
        Path folder = dir.resolve("ints-parts");
        export.targetProperty().set(folder.toString());
        export.rowsPerFileProperty().set("2");
        export.parallelProperty().set("2");
        assertTrue(export.start(), export.messageProperty().get());
        assertFalse(export.messageIsErrorProperty().get(), export.messageProperty().get());
        assertTrue(export.messageProperty().get().startsWith("Wrote 5 rows to " + folder.toAbsolutePath() + " in "),
                export.messageProperty().get());
        try (var parts = Files.list(folder)) {
            assertTrue(parts.filter(p -> p.getFileName().toString().startsWith("part-")).count() >= 3);
        }
        assertEquals("", export.resumeOfferProperty().get(), "a finished export offers nothing");

        // a folder whose manifest has a range not yet complete
        Path unfinished = Files.createDirectories(dir.resolve("unfinished"));
        Files.writeString(unfinished.resolve("_sluice_manifest.json"),
                "{\"version\":1,\"source\":\"sluice_types.ints\",\"key\":\"id\",\"boundaries\":[\"3\"],\"completeRanges\":[0]}");
        export.targetProperty().set(unfinished.toString());
        assertEquals("This folder holds an unfinished export of sluice_types.ints: tick Resume to continue it (complete parts stay).",
                export.resumeOfferProperty().get());
        assertTrue(export.resumeProperty().get());
    }

    /** Connected, the table chosen in the schema browser, and the export form of that state. */
    private ExportViewModel exportFormOn(TestDb db, String database, String tableName) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(table(database, tableName));
        return export;
    }

    /** A Path drops a trailing slash: the target typed as a folder would have been written as a file of its name. */
    @Test
    void aTargetEndingInASlashIsAFolder(TestDb db) throws Exception {
        ExportViewModel export = exportFormOn(db, "sluice_types", "ints");
        Path folder = dir.resolve("typed-folder");
        export.targetProperty().set(folder + "/");
        assertFalse(export.start());
        assertEquals("The target " + folder + "/ names a folder; give the file's name in it, such as " + folder.resolve("ints.parquet")
                + ".", export.messageProperty().get());
        assertFalse(Files.exists(folder), "nothing written");
        // over two connections, 'x.parquet/' is a folder of parts, not one file named x.parquet
        Path parts = dir.resolve("ints.parquet");
        export.targetProperty().set(parts + "/");
        export.parallelProperty().set("2");
        assertTrue(export.start(), export.messageProperty().get());
        assertTrue(Files.isDirectory(parts), export.messageProperty().get());
        assertTrue(Files.exists(parts.resolve("_sluice_manifest.json")), export.messageProperty().get());
    }

    @Test
    void aTablesChoicesAreKeptWhenMovingOnWithoutExporting(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state, settings());
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs, settings());
        connect(db);
        schema.select(table("sluice_types", "ints"));
        state.columns().stream().filter(r -> r.name().equals("tiu")).forEach(r -> r.includeProperty().set(false));
        export.whereProperty().set("id > 1");
        schema.select(table("sluice_types", "nums"));
        assertEquals("", export.whereProperty().get());
        schema.select(table("sluice_types", "ints"));
        assertEquals("id > 1", export.whereProperty().get(), "the filter came back");
        assertFalse(state.includedColumns().contains("tiu"), "the column left out stays out");
    }
}
