package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.ParquetFiles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's own PLAIN pages against parquet-java's column writer, the reference: the same rows in,
 * the same values, statistics and encodings out, over several row groups and many small pages, with
 * NULLs, each type's edges, NaN and both zeros, empty strings and values larger than a page.
 */
class PageColumnsTest {
    private static final int ROWS = 30_000;
    private static final int BATCH = 4_096;
    /** Small pages and row groups, so that runs, pages and row groups end at many different rows. */
    private static final WriterOptions OPTIONS = new WriterOptions(Compression.ZSTD, 8L << 20, 10_000, 4_096);
    /** The columns the plain writers must take; the rest stay with parquet-java. */
    private static final Set<String> OWN = Set.of("i16", "u16", "i32", "u32", "i64", "i64_required", "u64", "date", "ts",
            "dec9", "dec18", "f32", "f64", "f64_nonneg", "f32_nonpos", "s", "s_required", "b", "doc",
            "few_u8", "few_i16", "few_i32", "few_date", "few_i64", "few_dec9", "few_s", "few_b", "sparse", "grows", "late");

    @TempDir
    Path dir;

    private final Random random = new Random(20261202);

    private record Column(Field arrow, PrimitiveType parquet, ValueWriter.Factory writer) {}

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(column("i16", new ArrowType.Int(16, true), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, true), ValueWriters.int16(), true));
        c.add(column("u16", new ArrowType.Int(16, false), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, false), ValueWriters.uint16(), true));
        c.add(column("i32", new ArrowType.Int(32, true), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(32, true), ValueWriters.int32(), true));
        c.add(column("u32", new ArrowType.Int(32, false), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(32, false), ValueWriters.int32(), true));
        c.add(column("i64", new ArrowType.Int(64, true), PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, true), ValueWriters.int64(), true));
        c.add(column("i64_required", new ArrowType.Int(64, true), PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, true), ValueWriters.int64(), false));
        c.add(column("u64", new ArrowType.Int(64, false), PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, false), ValueWriters.int64(), true));
        c.add(column("date", new ArrowType.Date(DateUnit.DAY), PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), ValueWriters.int32(), true));
        c.add(column("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), PrimitiveTypeName.INT64,
                LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS), ValueWriters.int64(), true));
        c.add(column("dec9", new ArrowType.Decimal(9, 2, 128), PrimitiveTypeName.INT32, LogicalTypeAnnotation.decimalType(2, 9), ValueWriters.decimal(9), true));
        c.add(column("dec18", new ArrowType.Decimal(18, 4, 128), PrimitiveTypeName.INT64, LogicalTypeAnnotation.decimalType(4, 18), ValueWriters.decimal(18), true));
        c.add(column("dec30", new ArrowType.Decimal(30, 6, 128), PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, LogicalTypeAnnotation.decimalType(6, 30),
                ValueWriters.decimal(30), true));
        c.add(column("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), PrimitiveTypeName.FLOAT, null, ValueWriters.float32(), true));
        c.add(column("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), PrimitiveTypeName.DOUBLE, null, ValueWriters.float64(), true));
        // a zero as the smallest (largest) value, beside NaN: the statistics' minimum is -0.0 (maximum +0.0)
        c.add(column("f64_nonneg", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), PrimitiveTypeName.DOUBLE, null,
                ValueWriters.float64(), true));
        c.add(column("f32_nonpos", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), PrimitiveTypeName.FLOAT, null,
                ValueWriters.float32(), false));
        c.add(column("s", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), true));
        c.add(column("s_required", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), false));
        c.add(column("doc", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.jsonType(), ValueWriters.variable(), true));
        c.add(column("b", ArrowType.Binary.INSTANCE, PrimitiveTypeName.BINARY, null, ValueWriters.variable(), true));
        // few distinct values: dictionary-encoded; sparse: its first page does not pay for a dictionary;
        // grows: few distinct values in the first batch, then a new long one a row, until the dictionary is too large
        c.add(column("few_u8", new ArrowType.Int(8, false), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, false), ValueWriters.uint8(), true));
        c.add(column("few_i16", new ArrowType.Int(16, true), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, true), ValueWriters.int16(), false));
        c.add(column("few_i32", new ArrowType.Int(32, false), PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(32, false), ValueWriters.int32(), true));
        c.add(column("few_date", new ArrowType.Date(DateUnit.DAY), PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), ValueWriters.int32(), true));
        c.add(column("few_i64", new ArrowType.Int(64, false), PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, false), ValueWriters.int64(), true));
        c.add(column("few_dec9", new ArrowType.Decimal(9, 2, 128), PrimitiveTypeName.INT32, LogicalTypeAnnotation.decimalType(2, 9), ValueWriters.decimal(9), true));
        c.add(column("few_s", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), true));
        c.add(column("few_b", ArrowType.Binary.INSTANCE, PrimitiveTypeName.BINARY, null, ValueWriters.variable(), false));
        c.add(column("sparse", new ArrowType.Int(64, true), PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, true), ValueWriters.int64(), true));
        c.add(column("grows", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), true));
        // late: NULL in the whole first batch (so it keeps a dictionary), then distinct values: the first page
        // with values is weighed, and does not pay for a dictionary
        c.add(column("late", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), true));
        c.add(column("flag", ArrowType.Bool.INSTANCE, PrimitiveTypeName.BOOLEAN, null, ValueWriters.bool(), true));
        return c;
    }

    private static Column column(String name, ArrowType arrow, PrimitiveTypeName physical, LogicalTypeAnnotation logical,
                                 ValueWriter.Factory writer, boolean nullable) {
        Types.PrimitiveBuilder<PrimitiveType> b = Types.primitive(physical, nullable ? Repetition.OPTIONAL : Repetition.REQUIRED);
        if (physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            b = b.length(13);
        }
        if (logical != null) {
            b = b.as(logical);
        }
        return new Column(new Field(name, new FieldType(nullable, arrow, null), null), b.named(name), writer);
    }

    @Test
    void ownPagesReadBackAsParquetJavasDo() throws Exception {
        List<Column> columns = columns();
        Path own = dir.resolve("own.parquet");
        Path reference = dir.resolve("reference.parquet");
        List<String> ownColumns = writeBoth(columns, OPTIONS, ROWS, this::fill, own, reference);
        assertEquals(OWN, Set.copyOf(ownColumns), "the columns Sluice writes pages for itself");
        sameRows(reference, own, ROWS);
        sameStatisticsAndIndexes(reference, own);
    }

    /**
     * A page of NULLs only says nothing about a dictionary: the first page with values is the one
     * weighed. Here it holds distinct strings, so the column goes PLAIN, as parquet-java's does.
     */
    @Test
    void aFirstPageOfNullsLeavesTheDictionaryToTheNextPage() throws Exception {
        Column late = column("late", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(),
                ValueWriters.variable(), true);
        Path own = dir.resolve("late.parquet");
        Path reference = dir.resolve("late-reference.parquet");
        List<String> ownColumns = writeBoth(List.of(late), new WriterOptions(Compression.ZSTD, 64L << 20, 100_000, 4_096), 40_000,
                (batch, first, rows) -> {
                    batch.allocateNew();
                    VarCharVector v = (VarCharVector) batch.getVector(0);
                    for (int i = 0; i < rows; i++) {
                        if (first + i < 25_000) { // more than a page's 20,000 rows
                            v.setNull(i);
                        } else {
                            v.setSafe(i, ("late-" + (first + i) + "-" + random.nextLong()).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    v.setValueCount(rows);
                    batch.setRowCount(rows);
                }, own, reference);
        assertEquals(List.of("late"), ownColumns);
        ColumnChunkMetaData ourChunk = ParquetFiles.footer(own).getBlocks().get(0).getColumns().get(0);
        assertEquals(Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED), ourChunk.getEncodings());
        assertEquals(ParquetFiles.footer(reference).getBlocks().get(0).getColumns().get(0).getStatistics(), ourChunk.getStatistics());
        sameRows(reference, own, 40_000);
    }

    /**
     * A long string's or blob's minimum and maximum are lent to parquet-java's statistics rather than
     * copied ({@link SliceRange}): the file is the same, byte for byte, as with every one copied, over
     * values whose truncated prefix the column index cannot round up (all 0xFF, all 0x7F, U+10FFFF),
     * valid and broken UTF-8, shorter and longer than the index's 64 bytes and than a page, in PLAIN and
     * dictionary pages; and its rows and statistics are parquet-java's own column writer's.
     */
    @Test
    void longValuesLentToTheStatisticsMakeTheSameFile() throws Exception {
        List<Column> columns = List.of(
                column("s", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), ValueWriters.variable(), true),
                column("b", ArrowType.Binary.INSTANCE, PrimitiveTypeName.BINARY, null, ValueWriters.variable(), true),
                column("few_s", ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(),
                        ValueWriters.variable(), true),
                column("few_b", ArrowType.Binary.INSTANCE, PrimitiveTypeName.BINARY, null, ValueWriters.variable(), false));
        int rows = 20_000;
        Path lent = dir.resolve("lent.parquet");
        Path reference = dir.resolve("lent-reference.parquet");
        Path copied = dir.resolve("copied.parquet");
        assertEquals(List.of("s", "b", "few_s", "few_b"), writeBoth(columns, OPTIONS, rows, trickyValues(7), lent, reference));
        SliceRange.lendLongValues = false;
        try {
            writeBoth(columns, OPTIONS, rows, trickyValues(7), copied, dir.resolve("copied-reference.parquet"));
        } finally {
            SliceRange.lendLongValues = true;
        }
        assertArrayEquals(Files.readAllBytes(copied), Files.readAllBytes(lent), "the same file, byte for byte");
        sameRows(reference, lent, rows);
        ParquetMetadata theirs = ParquetFiles.footer(reference);
        ParquetMetadata ours = ParquetFiles.footer(lent);
        for (int g = 0; g < ours.getBlocks().size(); g++) {
            for (int c = 0; c < columns.size(); c++) {
                ColumnChunkMetaData chunk = ours.getBlocks().get(g).getColumns().get(c);
                assertEquals(theirs.getBlocks().get(g).getColumns().get(c).getStatistics(), chunk.getStatistics(),
                        chunk.getPath() + " in row group " + g);
                assertEquals(c >= 2, chunk.hasDictionaryPage(), chunk.getPath() + ": few values, in a dictionary");
            }
        }
    }

    /** Which values are lent, and which copied because parquet-java's column index may keep them. */
    @Test
    void onlyValuesTheColumnIndexTruncatesIntoItsOwnArraysAreLent() {
        SliceRange blob = new SliceRange(Types.optional(PrimitiveTypeName.BINARY).named("b"), 64);
        SliceRange text = new SliceRange(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s"), 64);
        byte[] page = new byte[300];
        java.util.Arrays.fill(page, (byte) 'a');
        assertTrue(blob.handOver(page, 10, 65).isBackingBytesReused(), "longer than 64 bytes: lent");
        assertTrue(text.handOver(page, 10, 65).isBackingBytesReused());
        assertFalse(blob.handOver(page, 10, 64).isBackingBytesReused(), "no longer than 64: kept as it is by the index");
        java.util.Arrays.fill(page, 0, 200, (byte) 0xFF);
        assertFalse(blob.handOver(page, 0, 100).isBackingBytesReused(), "all 0xFF: cannot be rounded up");
        java.util.Arrays.fill(page, 0, 200, (byte) 0x7F);
        assertFalse(text.handOver(page, 0, 100).isBackingBytesReused(), "all 0x7F: 0x80 is no UTF-8");
        page[60] = 'a';
        assertTrue(text.handOver(page, 0, 100).isBackingBytesReused(), "an ASCII byte in the 61 the index keeps");
        page[60] = 0x7F;
        page[61] = 'a';
        assertFalse(text.handOver(page, 0, 100).isBackingBytesReused(), "past them: it may be cut off");
        SliceRange decimal = new SliceRange(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.decimalType(2, 40))
                .named("d"), 64);
        java.util.Arrays.fill(page, (byte) 'a');
        assertFalse(decimal.handOver(page, 0, 100).isBackingBytesReused(), "other annotations: the index keeps every value");
        byte[] copy = blob.handOver(page, 5, 64).getBytes();
        page[5] = 'z';
        assertEquals('a', copy[0], "a copy does not change with the page");

        // a page of one long value: copied once in a chunk's first page, whose statistics parquet-java copies
        // min and max apart from (two copies of one blob, kept to the row group's end); lent after it
        for (boolean firstInChunk : new boolean[] {true, false, true}) {
            if (firstInChunk) {
                blob.startChunk();
            }
            blob.reset();
            blob.observe(page, 0, 100);
            org.apache.parquet.column.statistics.BinaryStatistics stats = (org.apache.parquet.column.statistics.BinaryStatistics)
                    Statistics.createStats(Types.optional(PrimitiveTypeName.BINARY).named("b"));
            blob.addTo(stats, page);
            assertEquals(!firstInChunk, stats.genericGetMin().isBackingBytesReused(), "first in its chunk: " + firstInChunk);
            assertTrue(stats.genericGetMin() == stats.genericGetMax(), "one value, one Binary");
        }
    }

    /** Values of every kind {@link #longValuesLentToTheStatisticsMakeTheSameFile} needs, the same for a seed. */
    private static Filler trickyValues(long seed) {
        Random r = new Random(seed);
        List<byte[]> few = List.of(repeat(0xFF, 90), repeat(0x7F, 80), "é".repeat(60).getBytes(StandardCharsets.UTF_8),
                ("few " + "x".repeat(100)).getBytes(StandardCharsets.UTF_8), repeat(0x41, 300));
        return (batch, first, rows) -> {
            batch.allocateNew();
            for (FieldVector v : batch.getFieldVectors()) {
                boolean fewValues = v.getName().startsWith("few_");
                for (int i = 0; i < rows; i++) {
                    int row = first + i;
                    if (v.getField().isNullable() && row % 11 == 5) {
                        v.setNull(i);
                        continue;
                    }
                    byte[] value = fewValues ? few.get(r.nextInt(few.size())) : tricky(r);
                    if (v instanceof VarCharVector x) {
                        x.setSafe(i, value);
                    } else {
                        ((VarBinaryVector) v).setSafe(i, value);
                    }
                }
                v.setValueCount(rows);
            }
            batch.setRowCount(rows);
        };
    }

    private static byte[] tricky(Random r) {
        int length = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(64); // short: copied
            case 1 -> 60 + r.nextInt(10); // about the index's 64 bytes
            case 2 -> 65 + r.nextInt(300);
            default -> 4_000 + r.nextInt(6_000); // a page or more
        };
        byte[] b = new byte[length];
        switch (r.nextInt(7)) {
            case 0 -> java.util.Arrays.fill(b, (byte) 0xFF);
            case 1 -> java.util.Arrays.fill(b, (byte) 0x7F);
            case 2 -> { // U+10FFFF, the largest code point, again and again: a prefix that cannot be rounded up
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) new int[] {0xF4, 0x8F, 0xBF, 0xBF}[i % 4];
                }
            }
            case 3 -> { // text, valid UTF-8 to the end or broken at it
                byte[] t = ("Ünïcödé ✓ " + r.nextLong()).repeat(length / 10 + 1).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(t, 0, b, 0, length);
            }
            case 4 -> { // 0xFF first, then anything
                r.nextBytes(b);
                java.util.Arrays.fill(b, 0, Math.min(length, 61 + r.nextInt(6)), (byte) 0xFF);
            }
            default -> r.nextBytes(b);
        }
        return b;
    }

    private static byte[] repeat(int b, int n) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }

    /** Fills a batch with {@code rows} rows from row {@code first} on. */
    @FunctionalInterface
    private interface Filler {
        void fill(VectorSchemaRoot batch, int first, int rows);
    }

    /**
     * The same batches written through Sluice's pages ({@code own}) and through parquet-java's column
     * writer ({@code reference}).
     *
     * @return the columns whose pages Sluice wrote
     */
    private static List<String> writeBoth(List<Column> columns, WriterOptions options, int rows, Filler filler, Path own,
                                          Path reference) throws Exception {
        Schema schema = new Schema(columns.stream().map(Column::arrow).toList());
        List<ParquetColumn> parquet = columns.stream().map(c -> new ParquetColumn(c.parquet(), c.writer())).toList();
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
             ParquetBatchWriter ours = new ParquetBatchWriter(own, schema, parquet, options, Map.of());
             ParquetBatchWriter theirs = ParquetBatchWriter.withParquetJavaPagesOnly(reference, schema, parquet, options)) {
            for (int first = 0; first < rows; first += BATCH) {
                filler.fill(batch, first, Math.min(BATCH, rows - first));
                ours.write(batch);
                theirs.write(batch);
            }
            assertTrue(theirs.ownPageColumns().isEmpty());
            return ours.ownPageColumns();
        }
    }

    /** Both files read back, row by row, the same, and hold {@code rows} rows. */
    private static void sameRows(Path reference, Path own, int rows) throws Exception {
        List<Group> expected = ParquetFiles.rows(reference);
        List<Group> actual = ParquetFiles.rows(own);
        assertEquals(rows, expected.size());
        assertEquals(rows, actual.size());
        for (int row = 0; row < rows; row++) {
            assertEquals(expected.get(row).toString(), actual.get(row).toString(), "row " + row);
        }
    }

    /** Per row group and column: the same statistics, counts and encodings; and indexes that add up. */
    private static void sameStatisticsAndIndexes(Path reference, Path own) throws Exception {
        ParquetMetadata theirs = ParquetFiles.footer(reference);
        ParquetMetadata ours = ParquetFiles.footer(own);
        assertEquals(3, ours.getBlocks().size(), "30,000 rows in row groups of 10,000");
        assertEquals(theirs.getBlocks().size(), ours.getBlocks().size());
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(own.toUri()), new Configuration()))) {
            for (int g = 0; g < ours.getBlocks().size(); g++) {
                BlockMetaData ourGroup = ours.getBlocks().get(g);
                BlockMetaData theirGroup = theirs.getBlocks().get(g);
                assertEquals(theirGroup.getRowCount(), ourGroup.getRowCount());
                for (int c = 0; c < ourGroup.getColumns().size(); c++) {
                    ColumnChunkMetaData ourChunk = ourGroup.getColumns().get(c);
                    ColumnChunkMetaData theirChunk = theirGroup.getColumns().get(c);
                    String where = ourChunk.getPath() + " in row group " + g;
                    Statistics<?> ourStats = ourChunk.getStatistics();
                    assertEquals(theirChunk.getStatistics(), ourStats, where);
                    assertTrue(ourStats.hasNonNullValue(), where);
                    assertEquals(theirChunk.getValueCount(), ourChunk.getValueCount(), where);
                    String name = ourChunk.getPath().toDotString();
                    assertEquals(theirChunk.getEncodings(), ourChunk.getEncodings(), where);
                    boolean dictionary = ourChunk.getEncodings().contains(Encoding.PLAIN_DICTIONARY);
                    // grows: from the second row group on, its first page does not pay for a dictionary
                    assertEquals(name.startsWith("few_") || name.equals("grows") && g == 0, dictionary, where);
                    assertEquals(dictionary, ourChunk.hasDictionaryPage(), where);
                    if (name.equals("grows") && g == 0) {
                        assertTrue(ourChunk.getEncodings().contains(Encoding.PLAIN), where + ": PLAIN once the dictionary is full");
                    }
                    assertEquals(theirChunk.getSizeStatistics().getUnencodedByteArrayDataBytes(),
                            ourChunk.getSizeStatistics().getUnencodedByteArrayDataBytes(), where);

                    OffsetIndex pages = reader.readOffsetIndex(ourChunk);
                    ColumnIndex index = reader.readColumnIndex(ourChunk);
                    long rows = 0;
                    for (int p = 0; p < pages.getPageCount(); p++) {
                        rows += pages.getLastRowIndex(p, ourGroup.getRowCount()) - pages.getFirstRowIndex(p) + 1;
                    }
                    assertEquals(ourGroup.getRowCount(), rows, where + ": the pages' rows");
                    long nulls = index.getNullCounts().stream().mapToLong(Long::longValue).sum();
                    assertEquals(ourStats.getNumNulls(), nulls, where + ": the column index's NULLs");
                    if (OWN.contains(ourChunk.getPath().toDotString()) && !ourChunk.getPath().toDotString().startsWith("s")) {
                        assertTrue(pages.getPageCount() > 1, where + ": pages of 4 KiB");
                    }
                }
            }
        }
    }

    /**
     * Rows {@code first} onwards: each column's edges in the first rows, random values after, every
     * 7th value NULL but in every third batch, which has none; "sparse" is NULL in 9 rows of 10.
     */
    private void fill(VectorSchemaRoot batch, int first, int rows) {
        batch.allocateNew();
        boolean withNulls = first / BATCH % 3 != 2;
        for (FieldVector v : batch.getFieldVectors()) {
            boolean nullable = v.getField().isNullable();
            boolean sparse = v.getName().equals("sparse");
            boolean late = v.getName().equals("late");
            for (int i = 0; i < rows; i++) {
                int row = first + i;
                if (nullable && (sparse ? row % 10 != 0 : late ? row < BATCH : withNulls && row % 7 == 3)) {
                    v.setNull(i);
                } else if (v.getName().startsWith("few_")) {
                    setFew(v, i, row);
                } else if (late) {
                    ((VarCharVector) v).setSafe(i, ("late-" + row + "-" + random.nextLong()).getBytes(StandardCharsets.UTF_8));
                } else if (v.getName().equals("grows")) {
                    ((VarCharVector) v).setSafe(i, (row < BATCH ? "g" + row % 20 : "x".repeat(200) + row).getBytes(StandardCharsets.UTF_8));
                } else {
                    set(v, i, row);
                }
            }
            v.setValueCount(rows);
        }
        batch.setRowCount(rows);
    }

    /** One of a few values, the column's edges among them. */
    private void setFew(FieldVector v, int i, int row) {
        int k = random.nextInt(12);
        if (v instanceof UInt1Vector x) {
            x.setSafe(i, (byte) (k == 0 ? 255 : k));
        } else if (v instanceof SmallIntVector x) {
            x.setSafe(i, (short) (k == 0 ? Short.MIN_VALUE : k == 1 ? Short.MAX_VALUE : k));
        } else if (v instanceof UInt4Vector x) {
            x.setSafe(i, k == 0 ? -1 : k == 1 ? Integer.MIN_VALUE : k);
        } else if (v instanceof DateDayVector x) {
            x.setSafe(i, 19_000 + k);
        } else if (v instanceof UInt8Vector x) {
            x.setSafe(i, k == 0 ? -1L : k == 1 ? Long.MIN_VALUE : k);
        } else if (v instanceof DecimalVector x) {
            x.setSafe(i, BigDecimal.valueOf(k == 0 ? -9_999_999L : k * 125L, 2));
        } else if (v instanceof VarCharVector x) {
            x.setSafe(i, (k == 0 ? "" : k == 1 ? "Ünï ✓" : "status-" + k).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof VarBinaryVector x) {
            x.setSafe(i, k == 0 ? new byte[0] : new byte[] {(byte) (k * 37), (byte) -k});
        } else {
            throw new IllegalArgumentException(v.getClass().getName());
        }
    }

    private void set(FieldVector v, int i, int row) {
        if (v instanceof SmallIntVector x) {
            x.setSafe(i, (short) pick(row, Short.MIN_VALUE, Short.MAX_VALUE, 0, -1, random.nextInt()));
        } else if (v instanceof UInt2Vector x) {
            x.setSafe(i, (char) pick(row, 0, 0xFFFF, 0x8000, 1, random.nextInt()));
        } else if (v instanceof IntVector x) {
            x.setSafe(i, (int) pick(row, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, random.nextInt()));
        } else if (v instanceof UInt4Vector x) {
            x.setSafe(i, (int) pick(row, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()));
        } else if (v instanceof BigIntVector x) {
            x.setSafe(i, pick(row, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, random.nextLong()));
        } else if (v instanceof UInt8Vector x) {
            x.setSafe(i, pick(row, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()));
        } else if (v instanceof DateDayVector x) {
            x.setSafe(i, (int) pick(row, -719_162, 2_932_896, 0, -1, random.nextInt(100_000)));
        } else if (v instanceof TimeStampMicroVector x) {
            x.setSafe(i, pick(row, -62_135_596_800_000_000L, 253_402_300_799_999_999L, 0, -1, random.nextLong() / 40));
        } else if (v instanceof DecimalVector x) {
            long max = decimalMax(x);
            x.setSafe(i, BigDecimal.valueOf(pick(row, -max, max, 0, -1, random.nextLong() % max), x.getScale()));
        } else if (v.getName().equals("f64_nonneg")) {
            ((Float8Vector) v).setSafe(i, zeroOrNaN(row, random.nextDouble()));
        } else if (v.getName().equals("f32_nonpos")) {
            ((Float4Vector) v).setSafe(i, (float) zeroOrNaN(row, -random.nextFloat()));
        } else if (v instanceof Float4Vector x) {
            x.setSafe(i, (float) pickDouble(row, random.nextGaussian() * 1e6));
        } else if (v instanceof Float8Vector x) {
            x.setSafe(i, pickDouble(row, random.nextGaussian() * 1e12));
        } else if (v instanceof VarCharVector x) {
            x.setSafe(i, (v.getName().equals("doc") ? document(row) : text(row)).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof VarBinaryVector x) {
            x.setSafe(i, bytes(row));
        } else if (v instanceof BitVector x) {
            x.setSafe(i, random.nextBoolean() ? 1 : 0);
        } else {
            throw new IllegalArgumentException(v.getClass().getName());
        }
    }

    private static long decimalMax(DecimalVector v) {
        return v.getPrecision() >= 18 ? 999_999_999_999_999_999L : (long) Math.pow(10, v.getPrecision()) - 1;
    }

    /** The first rows hold the edges, in an order where neither the minimum nor the maximum comes first. */
    private static long pick(int row, long min, long max, long middle, long other, long random) {
        return switch (row) {
            case 0 -> middle;
            case 1 -> max;
            case 2 -> other;
            case 4 -> min;
            default -> random;
        };
    }

    private static double pickDouble(int row, double random) {
        return switch (row) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.NaN;
            case 4 -> Double.POSITIVE_INFINITY;
            case 5 -> Double.NEGATIVE_INFINITY;
            case 6 -> Double.MIN_VALUE;
            default -> random;
        };
    }

    /** Both zeros and NaN in every page, few enough for the column to be written without a dictionary. */
    private static double zeroOrNaN(int row, double other) {
        return switch (row % 25) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.NaN;
            default -> other;
        };
    }

    private String text(int row) {
        return switch (row % 1_000) {
            case 0 -> "";
            case 1 -> "Ünïcödé ✓ " + row;
            case 2 -> "z".repeat(10_000) + row; // larger than a page by itself
            default -> Long.toString(random.nextLong(), 36) + "é" + row;
        };
    }

    /** Values of 1–2 KB: copied one by one rather than from a copy of the run. */
    private String document(int row) {
        return "{\"row\": " + row + ", \"text\": \"" + "ä".repeat(500 + random.nextInt(500)) + random.nextLong() + "\"}";
    }

    private byte[] bytes(int row) {
        byte[] b = new byte[row % 500 == 1 ? 0 : 1 + random.nextInt(24)];
        random.nextBytes(b);
        return b;
    }
}
