package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.export.ExportPlan;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.Source;
import io.sluice.core.types.MappingTarget;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which protocol an export's query uses: binary (a server-side prepared statement) exactly when every
 * column's reader takes its column's binary form, as the prepare reports the column types; text
 * otherwise. The values are checked against the server, under both, by TypeEdgesIT.
 */
@ExtendWith(MariaDbExtension.class)
@Isolated // sets sluice.protocol, which every export reads
class StreamingQueryIT {
    private static boolean binary(TestDb db, String table, Map<String, MappingTarget> overrides) throws Exception {
        try (Connection conn = db.connect()) {
            Source source = new Source.Table("sluice_types", table);
            ExportPlan plan = ExportPlan.resolve(source, new SchemaProbe(conn).describe(source), List.of(), overrides);
            String sql = plan.selectSql(null, null);
            try (Statement st = StreamingQuery.open(conn, sql, plan.newReaders()); ResultSet rs = StreamingQuery.execute(st, sql)) {
                boolean binary = StreamingQuery.binary(st);
                RowSource source2 = RowSource.of(rs);
                assertEquals(binary, source2.binary(), "the rows are read as the statement sends them");
                TextRow row = new TextRow(rs.getMetaData().getColumnCount());
                int rows = 0;
                while (source2.next(row)) {
                    rows++;
                }
                assertTrue(rows > 0);
                return binary;
            }
        }
    }

    /** Every type of the corpus has a binary reader, TIME and FLOAT and BIT and GEOMETRY included. */
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void theCorpusTablesUseTheBinaryProtocol(String table, TestDb db) throws Exception {
        assertTrue(binary(db, table, Map.of()));
    }

    @Test
    void aNumberOrDateMappedToTextUsesTheTextProtocol(TestDb db) throws Exception {
        assertFalse(binary(db, "ints", Map.of("i", MappingTarget.UTF8)), "an INT read as its text");
        assertFalse(binary(db, "temporal", Map.of("dt6", MappingTarget.UTF8)), "a DATETIME read as its text");
        assertFalse(binary(db, "temporal", Map.of("t0", MappingTarget.TIME64)), "a TIME as a time of day");
    }

    @Test
    void theTextProtocolCanBeChosen(TestDb db) throws Exception {
        System.setProperty("sluice.protocol", "text");
        try {
            assertFalse(binary(db, "ints", Map.of()));
        } finally {
            System.clearProperty("sluice.protocol");
        }
    }
}
