package io.sluice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.MySqlType;
import io.sluice.ui.export.ExportViewModel;
import io.sluice.ui.schema.ColumnRow;
import io.sluice.ui.settings.RecentConnection;
import io.sluice.ui.settings.RecentConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ViewModels and their helpers, tested without a window. */
class ViewModelTest {
    @TempDir
    Path dir;

    @Test
    void anOverrideUpdatesArrowAndParquetAtOnce() {
        ColumnRow row = new ColumnRow(ColumnInfo.of("amount", 1, MySqlType.parse("bigint", "bigint(20) unsigned"), true));
        assertEquals("UInt64", row.arrowProperty().get());
        assertFalse(row.noteProperty().get().isEmpty());
        assertEquals(List.of(MappingTarget.DEFAULT, MappingTarget.DECIMAL, MappingTarget.UTF8), row.allowedTargets());
        row.overrideProperty().set(MappingTarget.DECIMAL);
        assertEquals("Decimal128(20, 0)", row.arrowProperty().get());
        assertEquals("FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0)", row.parquetProperty().get());
        assertTrue(row.noteProperty().get().isEmpty());
    }

    @Test
    void personalDataIsFlaggedByName() {
        assertEquals("email", new ColumnRow(ColumnInfo.of("customer_email", 1, MySqlType.parse("varchar", "varchar(99)"), true)).pii());
        assertEquals("birth date", new ColumnRow(ColumnInfo.of("birth_date", 1, MySqlType.parse("date", "date"), true)).pii());
        assertEquals("", new ColumnRow(ColumnInfo.of("total", 1, MySqlType.parse("int", "int"), true)).pii());
    }

    @Test
    void theExportFormSaysWhatIsMissingBeforeAnythingRuns() {
        try (RootAllocator a = new RootAllocator()) {
            ExportViewModel vm = new ExportViewModel(new UiTaskExecutor(), a);
            TableInfo t = new TableInfo("shop", "orders", false, 10, 100, "");
            assertFalse(vm.start(null, t, List.of("id"), Map.of()));
            assertEquals("Connect and choose a table first.", vm.messageProperty().get());
            vm.suggestTarget(t);
            assertTrue(vm.targetProperty().get().endsWith("orders.parquet"));
            vm.limitProperty().set("ten");
            assertFalse(vm.start(io.sluice.core.connect.ConnectionSpec.builder(io.sluice.core.connect.Dsn.parse("h")).build(), t,
                    List.of("id"), Map.of()));
            assertEquals("The row limit must be a whole number.", vm.messageProperty().get());
            assertFalse(vm.runningProperty().get());
        }
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
