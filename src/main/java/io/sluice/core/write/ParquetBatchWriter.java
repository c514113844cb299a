package io.sluice.core.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes Arrow batches to one Parquet file. The Arrow schema goes into the footer as
 * {@code ARROW:schema}, as Arrow's own writers do, so Arrow readers get Duration, unsigned and
 * dictionary types back exactly.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    public static final String ARROW_SCHEMA_KEY = "ARROW:schema";

    private final ArrowWriteSupport support;
    private final ParquetWriter<Integer> writer;
    private final ClosableOutputFile output;
    private final Map<String, String> closingMetadata = new HashMap<>();
    private long rows;

    public ParquetBatchWriter(Path file, Schema arrowSchema, WriterOptions options, Map<String, String> metadata)
            throws IOException {
        Map<String, String> opening = new HashMap<>(metadata);
        opening.put(ARROW_SCHEMA_KEY, serialize(arrowSchema));
        Supplier<Map<String, String>> closing = () -> closingMetadata;
        this.support = new ArrowWriteSupport(ParquetSchemas.toParquet(arrowSchema), opening, closing);
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.compression.codec.zstd.level", "3");
        this.output = new ClosableOutputFile(file);
        this.writer = new Builder(output, support)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(options.compression().codec())
                .withRowGroupSize(options.rowGroupBytes())
                .withRowGroupRowCountLimit(options.rowGroupRows())
                .withPageSize(options.pageBytes())
                .withDictionaryEncoding(true)
                .build();
    }

    /** Writes every row of the batch. */
    public void write(VectorSchemaRoot batch) throws IOException {
        support.bind(batch);
        int n = batch.getRowCount();
        for (int row = 0; row < n; row++) {
            writer.write(row);
        }
        rows += n;
    }

    /** Metadata known only at the end (e.g. SRIDs seen); goes into the footer. */
    public void putClosingMetadata(String key, String value) {
        closingMetadata.put(key, value);
    }

    public long rows() {
        return rows;
    }

    /** Bytes written so far plus those buffered for the current row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            try {
                output.closeStream();
            } catch (IOException again) {
                e.addSuppressed(again); // a full disk fails the final flush too; the file is closed anyway
            }
            throw e;
        }
        output.closeStream();
    }

    static String serialize(Schema schema) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the Arrow schema", e);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final WriteSupport<Integer> support;

        Builder(OutputFile file, WriteSupport<Integer> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
