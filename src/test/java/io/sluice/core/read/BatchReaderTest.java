package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The batch reader without a server: rows of (id, text-or-NULL) from a list. The first-rows hook sees
 * exactly the first rows while the batch goes on filling, whichever bound ends the batch, and a batch
 * read after one of long values holds only its own.
 */
class BatchReaderTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("s", ArrowType.Utf8.INSTANCE)));

    private static List<String[]> rows(int n, int textLength) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {Integer.toString(i), i % 7 == 3 ? null : ("v" + i + "x".repeat(textLength))});
        }
        return rows;
    }

    private static RowSource source(List<String[]> rows) {
        Iterator<String[]> it = rows.iterator();
        return row -> {
            if (!it.hasNext()) {
                return false;
            }
            String[] r = it.next();
            for (int c = 0; c < r.length; c++) {
                if (r[c] == null) {
                    row.setNull(c);
                } else {
                    byte[] b = ("##" + r[c]).getBytes(StandardCharsets.UTF_8); // an offset into the buffer, as in a packet
                    row.set(c, b, 2, b.length - 2);
                }
            }
            return true;
        };
    }

    private static BatchReader reader(List<String[]> rows, int maxRows, long maxBytes) {
        return new BatchReader(source(rows), List.of(Readers.integer(8).create("id", false), Readers.bytes().create("s", true)),
                maxRows, maxBytes, () -> false);
    }

    private static void assertRows(List<String[]> expected, int from, VectorSchemaRoot root, int n) {
        BigIntVector id = (BigIntVector) root.getVector(0);
        VarCharVector s = (VarCharVector) root.getVector(1);
        for (int i = 0; i < n; i++) {
            String[] e = expected.get(from + i);
            assertEquals(Long.parseLong(e[0]), id.get(i), "id of row " + (from + i));
            if (e[1] == null) {
                assertNull(s.getObject(i), "row " + (from + i));
            } else {
                assertEquals(e[1], new String(s.get(i), StandardCharsets.UTF_8), "text of row " + (from + i));
            }
        }
    }

    /** Fills batches until the source ends; returns what the hook saw (one copy of its rows' ids). */
    private static List<Integer> readAll(List<String[]> rows, int maxRows, long maxBytes, int firstRows, List<Integer> batchSizes) throws Exception {
        List<Integer> hookSaw = new ArrayList<>();
        try (BufferAllocator a = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, a)) {
            BatchReader reader = reader(rows, maxRows, maxBytes);
            reader.onFirstRows(firstRows, (batch, n) -> {
                hookSaw.add(n);
                assertEquals(n, batch.getRowCount());
                assertRows(rows, 0, batch, n);
            });
            int from = 0;
            int n;
            while ((n = reader.fill(root)) > 0) {
                assertRows(rows, from, root, n);
                batchSizes.add(n);
                from += n;
            }
            assertEquals(rows.size(), from, "every row read once");
        }
        return hookSaw;
    }

    @Test
    void theHookSeesTheFirstRowsAndTheBatchFillsOnAfterThem() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(List.of(20), readAll(rows(2_500, 5), 1_000, Long.MAX_VALUE, 20, sizes));
        assertEquals(List.of(1_000, 1_000, 500), sizes);
    }

    @Test
    void aShortSourceABatchSmallerThanTheHookAndAnEmptySource() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(List.of(7), readAll(rows(7, 5), 1_000, Long.MAX_VALUE, 20, sizes));
        assertEquals(List.of(7), sizes);
        sizes.clear();
        assertEquals(List.of(10), readAll(rows(35, 5), 10, Long.MAX_VALUE, 20, sizes));
        assertEquals(List.of(10, 10, 10, 5), sizes);
        sizes.clear();
        assertEquals(List.of(), readAll(rows(0, 5), 10, Long.MAX_VALUE, 20, sizes));
        assertEquals(List.of(), sizes);
    }

    @Test
    void theByteBudgetCanEndTheFirstBatchBeforeTheHookRows() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        // about 5 KB a row against a 20 KB budget: batches of 4 or 5 rows, the hook gets what the first holds
        List<Integer> saw = readAll(rows(30, 5_000), 1_000, 20_000, 20, sizes);
        assertEquals(List.of(sizes.get(0)), saw);
        assertTrue(sizes.get(0) < 20, "the budget ended the batch: " + sizes);
    }

    @Test
    void aBatchAfterLongValuesHoldsOnlyItsOwnValues() throws Exception {
        List<String[]> rows = new ArrayList<>(rows(3, 100_000)); // long values, then short ones and NULLs
        rows.addAll(rows(50, 1).subList(3, 50));
        List<Integer> sizes = new ArrayList<>();
        readAll(rows, 3, Long.MAX_VALUE, 2, sizes);
        assertEquals(17, sizes.size()); // 50 rows in batches of 3
    }
}
