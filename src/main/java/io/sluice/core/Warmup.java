package io.sluice.core;

import io.sluice.core.write.ParquetBatchWriter;
import io.sluice.core.write.ParquetColumn;
import io.sluice.core.write.ValueWriters;
import io.sluice.core.write.WriterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises, on a background thread, the classes every export needs, while the main
 * thread parses the command line and waits for the server. A JVM started with {@code java -jar}
 * has no class-data archive for Sluice's own classes: loading and initialising them (Arrow's
 * schema and Parquet's metadata each build a Jackson mapper, the driver's protocol, zstd's native
 * library) took about 0.6 s of a 6-row export on the main thread (docs/benchmarks.md). Here that
 * work overlaps with the network waits on the second core. Best effort: whatever fails here is
 * simply done again, and reported, where it is really needed.
 */
public final class Warmup {
    /**
     * Classes the export reaches first that are slow to load or to initialise; named, since only that
     * is wanted. The first three are Connector/J's constants (a resource bundle of messages, BigDecimal
     * limits computed in the interpreter) and its tables of charsets and properties: a wall-clock
     * profile of a 6-row export found the main thread initialising them at connect, 50–70 ms.
     */
    private static final List<String> DRIVER = List.of(
            "com.mysql.cj.util.Util", "com.mysql.cj.CharsetMapping", "com.mysql.cj.conf.PropertyDefinitions",
            "com.mysql.cj.jdbc.Driver", "com.mysql.cj.jdbc.ConnectionImpl", "com.mysql.cj.NativeSession",
            "com.mysql.cj.protocol.a.NativeProtocol", "com.mysql.cj.jdbc.result.ResultSetImpl",
            "com.mysql.cj.protocol.a.result.ResultsetRowsStreaming");

    private Warmup() {}

    /** Starts the warm-up; returns at once. */
    public static void startInBackground() {
        Thread t = new Thread(Warmup::run, "sluice-warmup");
        t.setDaemon(true); // never holds the process open
        t.start();
    }

    static void run() {
        try {
            LoggerFactory.getILoggerFactory(); // logback's set-up: about 0.2 s, needed by the service
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : DRIVER) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) { // another driver version: the others still help
                    LoggerFactory.getLogger(Warmup.class).debug("warm-up skips {}", name, e);
                }
            }
            writeTinyFile();
        } catch (Throwable e) { // NOPMD: best effort by design, see the class comment
            LoggerFactory.getLogger(Warmup.class).debug("warm-up stopped early", e);
        }
    }

    /** One small batch through the real writer into an output that keeps nothing. */
    static long writeTinyFile() throws IOException {
        Schema schema = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true)),
                Field.notNullable("s", ArrowType.Utf8.INSTANCE)));
        List<ParquetColumn> columns = List.of(
                new ParquetColumn(Types.required(PrimitiveTypeName.INT64).named("id"), ValueWriters.int64()),
                new ParquetColumn(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s"),
                        ValueWriters.variable()));
        Discard out = new Discard();
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            BigIntVector id = (BigIntVector) root.getVector(0);
            VarCharVector s = (VarCharVector) root.getVector(1);
            for (int row = 0; row < 3; row++) {
                id.setSafe(row, row);
                s.setSafe(row, ("warm-up " + row).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(3);
            try (ParquetBatchWriter writer = new ParquetBatchWriter(out, schema, columns, WriterOptions.DEFAULTS, Map.of())) {
                writer.write(root);
            }
        }
        return out.written;
    }

    /** Counts the bytes and forgets them. */
    static final class Discard implements OutputFile {
        long written;

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return written;
                }

                @Override
                public void write(int b) {
                    written++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    written += len;
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
