package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.ColumnInfo;
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
    }

    /** Dialogs answered by the test: a chosen file, no file manager, a clipboard that remembers. */
    private final class RecordingDialogs implements DialogService {
        Path answer;
        String clipboard;

        @Override
        public Optional<Path> saveFile(String title, Path suggested, String filterName, String glob) {
            return Optional.ofNullable(answer);
        }

        @Override
        public boolean openFolder(Path folder) {
            return false;
        }

        @Override
        public void copyToClipboard(String text) {
            clipboard = text;
        }
    }

    private ConnectionViewModel connect(TestDb db) {
        ConnectionViewModel vm = new ConnectionViewModel(tasks, service, state, new RecentConnections(dir.resolve("recent.properties")));
        vm.dsnProperty().set(db.dsn("").redacted());
        vm.passwordProperty().set(TestDb.PASSWORD);
        vm.tlsModeProperty().set(TlsMode.DISABLED);
        vm.testConnection();
        return vm;
    }

    @Test
    void connectingListsTheCatalogueAndChoosingATableShowsItsMappings(TestDb db) {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state);
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
    }

    @Test
    void anExportRunsFromTheSharedStateAndReportsThroughItsTask(TestDb db) throws Exception {
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state);
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs);
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
        SchemaViewModel schema = new SchemaViewModel(tasks, service, state);
        ExportViewModel export = new ExportViewModel(tasks, service, state, dialogs);
        connect(db);
        schema.select(new TableInfo("sluice_types", "ints", false, -1, -1, ""));
        export.targetProperty().set(dir.resolve("bad.parquet").toString());
        export.whereProperty().set("no_such_column = 1");
        assertTrue(export.start());
        assertFalse(export.runningProperty().get());
        assertTrue(export.messageIsErrorProperty().get());
        assertEquals("The column or name 'no_such_column' does not exist in the table (was it dropped? check the filter).",
                export.messageProperty().get());
        assertNull(export.summaryProperty().get());
        assertFalse(Files.exists(dir.resolve("bad.parquet")));
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
        ExportViewModel vm = new ExportViewModel(tasks, service, state, dialogs);
        TableInfo t = new TableInfo("shop", "orders", false, 10, 100, "");
        state.selectedTableProperty().set(t);
        assertTrue(vm.targetProperty().get().endsWith("orders.parquet"), "a target is suggested for the chosen table");
        assertFalse(vm.start());
        assertEquals("Connect and choose a table first.", vm.messageProperty().get());
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
}
