package io.sluice.core;

import io.sluice.core.export.ExportPipeline;
import io.sluice.core.export.ExportPlan;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.read.BatchReader;
import io.sluice.core.read.ColumnReader;
import io.sluice.core.read.SyntheticRows;
import io.sluice.core.read.SyntheticRows.Packet;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.MySqlType;
import io.sluice.core.write.ParquetBatchWriter;
import io.sluice.core.write.WriterOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.io.OutputFile;

/**
 * An export of made-up rows through the real readers, pipeline and writer into a file that keeps
 * nothing: what a JVM recording JDK 25's AOT cache under {@code java -jar} runs after its command. The
 * cache keeps the profiles of the methods the recording JVM ran, and the JIT of every later start
 * compiles from them. Recorded by a 6-row export, as a script's second call may well be, it held almost
 * no profiles of the export's loops: {@code java -jar} on JDK 25 then took 2.38 s on table (d) against
 * 2.05 s with a cache recorded by a full export (docs/benchmarks.md, eleventh and thirteenth passes).
 * The installed launcher's cache is trained at packaging time by a real export of the same table shape
 * ({@code FinishAppImage}); this is that export without a server, in the binary protocol's own bytes.
 */
public final class Training {
    /** Enough for each loop's profile to be complete, and about a second on this machine's JDK 25. */
    static final long ROWS = 200_000;
    /** Below this heap (a user's -Xmx) there is no training: its row groups and batches need about 60 MB. */
    static final long MIN_HEAP = 192L << 20;

    private static final byte[][] STATUS = {ascii("new"), ascii("paid"), ascii("shipped")};
    private static final byte[] NOTE = "note é ".getBytes(StandardCharsets.UTF_8);
    private static final long DAY_2020 = 18_262; // 2020-01-01
    private static final long MICROS_2020 = DAY_2020 * 86_400_000_000L;

    private Training() {}

    /** One column of the made-up table: its declaration, how the server sends it, and its values. */
    record Col(String name, String columnType, int nullEvery, int wireType, boolean unsigned, Values values)
            implements SyntheticRows.Column {
        @Override
        public boolean isNull(long n) {
            return nullEvery > 0 && n % nullEvery == 0;
        }

        @Override
        public void write(long n, Packet p) {
            values.write(n, mix(n), p);
        }

        ColumnInfo info(int ordinal) {
            return ColumnInfo.of(name, ordinal, MySqlType.parse(null, columnType), nullEvery > 0); // the name from the type
        }
    }

    /** Row n's value, given {@code h}, a hash of n, for values that should look random. */
    @FunctionalInterface
    interface Values {
        void write(long n, long h, Packet p);
    }

    /**
     * Table (d)'s shape, which is also what the installed launcher's cache is trained on, and the other
     * common types: integers of every width, both DECIMAL readers, dates, times and blobs. Protocol type
     * ids as a server sends them (WireTypes; 253 VAR_STRING, 254 STRING, 252 BLOB).
     */
    static final List<Col> COLUMNS = List.of(
            new Col("id", "bigint(20) unsigned", 0, 8, true, (n, h, p) -> p.int64(Long.MIN_VALUE + n)),
            new Col("qty", "int(11)", 0, 3, false, (n, h, p) -> p.int32((int) (h % 100_000))),
            new Col("status", "enum('new','paid','shipped')", 0, 254, false, (n, h, p) -> {
                byte[] s = STATUS[(int) (n % 3)];
                p.bytes(s, 0, s.length);
            }),
            new Col("price", "decimal(14,4)", 0, 246, false, (n, h, p) -> p.decimal(Math.floorMod(h, 10_000_000_000L), 4)),
            new Col("discount", "decimal(5,2)", 7, 246, false, (n, h, p) -> p.decimal(h % 100_000, 2)),
            new Col("score", "double", 5, 5, false, (n, h, p) -> p.float64((h >>> 11) * 0x1.0p-43)),
            new Col("code", "char(12)", 0, 254, false, (n, h, p) -> p.text("code-" + (1000 + Math.floorMod(h, 1000)))),
            new Col("note", "varchar(200)", 4, 253, false, (n, h, p) -> {
                byte[] text = new byte[NOTE.length + 20 + (int) Math.floorMod(h, 60)];
                System.arraycopy(NOTE, 0, text, 0, NOTE.length);
                java.util.Arrays.fill(text, NOTE.length, text.length, (byte) ('a' + n % 26));
                byte[] id = ascii(Long.toString(n));
                System.arraycopy(id, 0, text, NOTE.length, id.length);
                p.bytes(text, 0, text.length);
            }),
            new Col("created", "datetime(3)", 0, 12, false, (n, h, p) -> p.dateTime(MICROS_2020 + n * 1_000_123L / 1000 * 1000, true)),
            new Col("shipped", "date", 3, 10, false, (n, h, p) -> p.date(DAY_2020 + n % 900)),
            new Col("priority", "tinyint(3) unsigned", 0, 1, true, (n, h, p) -> p.int8((int) (n % 256))),
            new Col("token", "varbinary(32)", 0, 253, false, (n, h, p) -> {
                byte[] t = new byte[8 + (int) Math.floorMod(h, 25)];
                for (int i = 0; i < t.length; i++) {
                    t[i] = (byte) (h >>> (i % 8 * 8) ^ i);
                }
                p.bytes(t, 0, t.length);
            }),
            new Col("flag", "tinyint(1)", 11, 1, false, (n, h, p) -> p.int8((int) (n & 1))),
            new Col("body", "text", 6, 252, false, (n, h, p) -> p.text("x".repeat((int) (n % 50)))),
            new Col("big", "bigint(20)", 0, 8, false, (n, h, p) -> p.int64(h)),
            new Col("small", "smallint(6)", 9, 2, false, (n, h, p) -> p.int16((int) h)),
            new Col("medium", "mediumint(8) unsigned", 0, 9, true, (n, h, p) -> p.int32((int) (h & 0xFF_FFFF))),
            new Col("counter", "int(10) unsigned", 0, 3, true, (n, h, p) -> p.int32((int) (n * 7))),
            new Col("stamp", "timestamp(6)", 0, 7, false, (n, h, p) -> p.dateTime(MICROS_2020 + Math.floorMod(h, 100_000_000_000_000L), true)),
            new Col("updated", "datetime", 8, 12, false, (n, h, p) -> p.dateTime(MICROS_2020 + n * 60_000_000L, false)),
            new Col("duration", "time(3)", 10, 11, false, (n, h, p) -> p.time(Math.floorMod(h, 86_400_000_000L) / 1000 * 1000)),
            new Col("made", "year(4)", 0, 13, false, (n, h, p) -> p.int16((int) (1990 + n % 60))),
            new Col("total", "decimal(30,6)", 12, 246, false, (n, h, p) -> p.decimal(h, 6)),
            new Col("payload", "blob", 10, 252, false, (n, h, p) -> {
                byte[] b = new byte[(int) Math.floorMod(h, 400)]; // 251 and more: the 2-byte length prefix
                java.util.Arrays.fill(b, (byte) h);
                p.bytes(b, 0, b.length);
            }));

    /**
     * Best effort, and silent but for the log: what fails here only leaves the cache with fewer
     * profiles.
     */
    public static void runQuietly() {
        if (Runtime.getRuntime().maxMemory() < MIN_HEAP || stopsOrDumpsOnOutOfMemory()) {
            return; // a heap this small might run out, and those options would make that the command's failure
        }
        long t0 = System.nanoTime();
        try {
            long rows = run(ROWS, new Warmup.Discard());
            org.slf4j.LoggerFactory.getLogger(Training.class).info("trained the AOT cache's recording on {} made-up rows in {} ms",
                    rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (Throwable e) { // NOPMD: best effort by design, see above
            org.slf4j.LoggerFactory.getLogger(Training.class).debug("training stopped early", e);
        }
    }

    /** Exports {@code rows} made-up rows of {@link #COLUMNS} into {@code out}; the rows written. */
    static long run(long rows, OutputFile out) throws Exception {
        List<ColumnInfo> infos = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            infos.add(COLUMNS.get(i).info(i + 1));
        }
        ExportPlan plan = ExportPlan.resolve(new Source.Table("sluice_training", "mixed"),
                new TableSchema(new TableInfo("sluice_training", "mixed", false, rows, 0, ""), infos), List.of(), Map.of());
        List<ColumnReader<?>> readers = plan.newReaders();
        for (int c = 0; c < readers.size(); c++) {
            if (!readers.get(c).readsBinary(COLUMNS.get(c).wireType())) {
                throw new IllegalStateException("the reader of " + COLUMNS.get(c).columnType() + " takes no binary form");
            }
        }
        BatchReader reader = new BatchReader(new SyntheticRows(COLUMNS, rows), readers, ExportRequest.DEFAULT_BATCH_ROWS,
                ExportRequest.DEFAULT_BATCH_BYTES, () -> false);
        // row groups of 16 MiB: less heap than the default 64, and the end of a row group is trained too
        ParquetBatchWriter writer = new ParquetBatchWriter(out, plan.arrowSchema(), plan.parquetColumns(),
                WriterOptions.DEFAULTS.withRowGroupBytes(16L << 20), Map.of());
        try (BufferAllocator allocator = new RootAllocator();
             ExportPipeline pipeline = new ExportPipeline(plan.arrowSchema(), allocator, reader::fill, writer,
                     new ExportPipeline.Listener() {})) {
            return pipeline.run();
        } finally {
            writer.abort(); // a no-op once the pipeline completed the file
        }
    }

    /** Whether the user's JVM options end the JVM, or write a heap dump, when the heap runs out. */
    private static boolean stopsOrDumpsOnOutOfMemory() {
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.contains("OnOutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    /** A 64-bit mix of n (splitmix64's finaliser): values that look random and repeat rarely. */
    static long mix(long n) {
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
