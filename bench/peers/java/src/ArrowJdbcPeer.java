import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Peer: Arrow Java's own path. arrow-jdbc turns a streaming Connector/J result into Arrow batches,
 * arrow-dataset writes them with the C++ Parquet writer over JNI.
 * Usage: ArrowJdbcPeer jdbcUrl "SELECT …" out-dir [batch rows=32768]
 */
public class ArrowJdbcPeer {
    public static void main(String[] args) throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             Connection c = DriverManager.getConnection(args[0]);
             Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE);
            ResultSet rs = st.executeQuery(args[1]);
            ResultSetMetaData md = rs.getMetaData();
            Map<Integer, JdbcFieldInfo> explicit = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                // arrow-jdbc reads INT UNSIGNED with getInt and overflows; widen it as its docs advise
                if (md.getColumnType(i) == Types.INTEGER && md.getColumnTypeName(i).contains("UNSIGNED")) {
                    explicit.put(i, new JdbcFieldInfo(Types.BIGINT));
                }
            }
            JdbcToArrowConfig config = new JdbcToArrowConfigBuilder(allocator, Calendar.getInstance(TimeZone.getTimeZone("UTC")))
                    // rows per batch; a batch's strings or blobs must fit one 2 GiB Arrow buffer
                    .setTargetBatchSize(args.length > 3 ? Integer.parseInt(args[3]) : 32_768)
                    .setExplicitTypesByColumnIndex(explicit)
                    .build();
            try (ArrowVectorIterator it = JdbcToArrow.sqlToArrowVectorIterator(rs, config);
                 IteratorReader reader = new IteratorReader(allocator, it)) {
                DatasetFileWriter.write(allocator, reader, FileFormat.PARQUET, Path.of(args[2]).toAbsolutePath().toUri().toString());
            }
        }
        System.exit(0); // arrow-dataset's native threads can keep the JVM alive (TESTING.md §6)
    }

    /** An ArrowReader over arrow-jdbc's iterator, which is what DatasetFileWriter consumes. */
    static final class IteratorReader extends ArrowReader {
        private final ArrowVectorIterator it;
        private VectorSchemaRoot first;
        private Schema schema;

        IteratorReader(BufferAllocator allocator, ArrowVectorIterator it) {
            super(allocator);
            this.it = it;
            if (it.hasNext()) {
                first = it.next();
                schema = first.getSchema();
            }
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            VectorSchemaRoot batch;
            if (first != null) {
                batch = first;
                first = null;
            } else if (it.hasNext()) {
                batch = it.next();
            } else {
                return false;
            }
            try (batch; ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
                loadRecordBatch(rb);
            }
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return schema;
        }
    }
}
