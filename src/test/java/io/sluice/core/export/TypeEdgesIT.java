package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.service.SluiceService;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type at its edges, exported and read back, value by value, against the server, under both protocols. */
@ExtendWith(MariaDbExtension.class)
@Isolated // sets sluice.protocol, which every export reads
class TypeEdgesIT {
    @TempDir
    Path dir;

    /** Under the binary protocol, which every table here uses (StreamingQueryIT). */
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void everyValueReadsBackAsTheServerHoldsIt(String table, TestDb db) throws Exception {
        exportAndVerify(table, db);
    }

    /** Under the text protocol, which an export uses when a column's reader takes only text. */
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void everyValueReadsBackUnderTheTextProtocolToo(String table, TestDb db) throws Exception {
        System.setProperty("sluice.protocol", "text");
        try {
            exportAndVerify(table, db);
        } finally {
            System.clearProperty("sluice.protocol");
        }
    }

    private void exportAndVerify(String table, TestDb db) throws Exception {
        Path out = dir.resolve(table + ".parquet");
        ExportSummary summary;
        try (BufferAllocator allocator = new RootAllocator()) {
            summary = new SluiceService(allocator).export(db.spec(), ExportRequest.builder("sluice_types", table, out).build(),
                    ExportListener.NONE, new CancelToken());
        }
        ParquetVerifier.Report report;
        try (Connection c = db.connect()) {
            report = ParquetVerifier.verify(c, "sluice_types", table, "id", out);
        }
        assertTrue(report.mismatches().isEmpty(), () -> String.join("\n", report.mismatches()));
        assertEquals(summary.rows(), report.rows());
        Map<String, Long> counted = summary.columns().stream().filter(s -> s.nulledValues() > 0)
                .collect(Collectors.toMap(ExportSummary.ColumnSummary::name, ExportSummary.ColumnSummary::nulledValues));
        assertEquals(report.nulledByColumn(), counted, "values turned into NULL, per column");
    }
}
