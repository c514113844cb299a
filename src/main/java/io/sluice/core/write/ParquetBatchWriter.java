package io.sluice.core.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes Arrow batches to one Parquet file, column by column, in runs of {@value #RUN} rows, without
 * the per-row record assembly of {@code ParquetWriter}. Most columns get their pages, PLAIN or
 * dictionary-encoded, from Sluice's own {@link PageColumn}s ({@link PageColumns}); the others' values
 * go to parquet-java's column writers one by one. Row groups close at {@link WriterOptions#rowGroupBytes()} or
 * {@link WriterOptions#rowGroupRows()}. The Arrow schema goes into the footer as
 * {@code ARROW:schema}, as Arrow's own writers do, so Arrow readers get Duration, unsigned and
 * dictionary types back exactly.
 */
public final class ParquetBatchWriter implements BatchSink {
    public static final String ARROW_SCHEMA_KEY = "ARROW:schema";
    /** Rows written per column before moving to the next; pages are cut between runs. */
    static final int RUN = 4_096;
    /** parquet-java's own default. */
    static final int MAX_ROWS_BETWEEN_PAGE_CHECKS = 10_000;
    /**
     * Buffers kept for reuse, at most: released are each page's buffers (one page a column) and, at
     * the end of a row group, the buffer of its compressed pages. A quarter of the row group's budget,
     * so the heap bound it sets still holds (a split export divides that budget by its ranges).
     */
    static final long MAX_RECYCLED_BYTES = 32L << 20;

    private final MessageType schema;
    private final List<ColumnDescriptor> columns;
    private final List<ValueWriter.Factory> valueWriters;
    private final WriterOptions options;
    private final ClosableOutputFile output;
    private final ParquetFileWriter file;
    private final BytesInputCompressor compressor;
    private final Map<String, String> openingMetadata;
    private final Map<String, String> closingMetadata = new HashMap<>();
    /** Whether columns may get Sluice's own pages; off only to compare with parquet-java's. */
    private final boolean ownPages;
    private ParquetProperties properties;
    /** Per column: Sluice's own pages, or null when parquet-java's writer takes it. */
    private PageColumn[] own;
    /** The columns parquet-java writes, or null when there are none. */
    private MessageType parquetWritten;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private boolean failed;
    private boolean closed;

    /**
     * @param arrowSchema the batches' schema, embedded in the footer
     * @param parquetColumns one per Arrow field, in the same order: its Parquet type and value writer
     */
    public ParquetBatchWriter(Path file, Schema arrowSchema, List<ParquetColumn> parquetColumns, WriterOptions options,
                              Map<String, String> metadata) throws IOException {
        this(new ClosableOutputFile(file), arrowSchema, parquetColumns, options, metadata);
    }

    /** Writes into any parquet-java output (the warm-up writes into one that keeps nothing). */
    public ParquetBatchWriter(OutputFile file, Schema arrowSchema, List<ParquetColumn> parquetColumns, WriterOptions options,
                              Map<String, String> metadata) throws IOException {
        this(new ClosableOutputFile(file), arrowSchema, parquetColumns, options, metadata);
    }

    private ParquetBatchWriter(ClosableOutputFile output, Schema arrowSchema, List<ParquetColumn> parquetColumns,
                               WriterOptions options, Map<String, String> metadata) throws IOException {
        this(output, arrowSchema, parquetColumns, options, metadata, true);
    }

    /** With {@code ownPages} false, parquet-java writes every column: the reference the tests compare with. */
    static ParquetBatchWriter withParquetJavaPagesOnly(Path file, Schema arrowSchema, List<ParquetColumn> parquetColumns,
                                                       WriterOptions options) throws IOException {
        return new ParquetBatchWriter(new ClosableOutputFile(file), arrowSchema, parquetColumns, options, Map.of(), false);
    }

    private ParquetBatchWriter(ClosableOutputFile output, Schema arrowSchema, List<ParquetColumn> parquetColumns,
                               WriterOptions options, Map<String, String> metadata, boolean ownPages) throws IOException {
        this.ownPages = ownPages;
        this.openingMetadata = new HashMap<>(metadata);
        openingMetadata.put(ARROW_SCHEMA_KEY, serialize(arrowSchema));
        this.schema = ParquetColumn.schemaOf(parquetColumns);
        this.columns = schema.getColumns();
        this.valueWriters = parquetColumns.stream().map(ParquetColumn::writer).toList();
        this.options = options;
        this.output = output;
        this.compressor = new ParquetCodecs().getCompressor(options.compression().codec());
        ParquetFileWriter w;
        try {
            w = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.OVERWRITE, options.rowGroupBytes(), 0, null,
                    ParquetProperties.builder().build());
            w.start();
        } catch (IOException | RuntimeException e) {
            compressor.release();
            output.closeStream();
            throw e;
        }
        this.file = w;
    }

    /** Writes every row of the batch. */
    public void write(VectorSchemaRoot batch) throws IOException {
        try {
            if (properties == null) {
                chooseWriters(batch);
            }
            List<FieldVector> vectors = batch.getFieldVectors();
            ValueWriter[] values = new ValueWriter[vectors.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = valueWriters.get(c).bind(vectors.get(c));
            }
            boolean[] hasNulls = new boolean[values.length];
            for (int c = 0; c < values.length; c++) {
                hasNulls[c] = vectors.get(c).getNullCount() > 0; // counts the validity bits: once a batch
            }
            int n = batch.getRowCount();
            for (int from = 0; from < n; ) {
                if (pages == null) {
                    startRowGroup();
                }
                int to = (int) Math.min(Math.min(n, from + RUN), from + options.rowGroupRows() - rowsInGroup);
                for (int c = 0; c < values.length; c++) {
                    if (own[c] != null) {
                        requireValues(c, vectors.get(c), hasNulls[c]);
                        own[c].write(vectors.get(c), from, to, hasNulls[c]);
                    } else {
                        writeRun(c, vectors.get(c), hasNulls[c], values[c], from, to);
                    }
                }
                if (store != null) {
                    for (int row = from; row < to; row++) {
                        store.endRecord(); // lets parquet-java cut pages at the page size
                    }
                }
                rowsInGroup += to - from;
                from = to;
                if (rowsInGroup >= options.rowGroupRows() || bufferedSize() >= options.rowGroupBytes()) {
                    endRowGroup();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Chooses, from the first batch, the columns written without a dictionary, and the columns whose
     * pages Sluice writes itself.
     */
    private void chooseWriters(VectorSchemaRoot firstBatch) {
        List<String> plainColumns = DictionaryChoice.plainColumns(firstBatch);
        properties = properties(plainColumns, rowsBetweenPageChecks(firstBatch));
        own = new PageColumn[columns.size()];
        List<Type> rest = new ArrayList<>();
        for (int c = 0; c < own.length; c++) {
            FieldVector vector = firstBatch.getVector(c);
            if (ownPages) {
                own[c] = plainColumns.contains(vector.getName()) ? PageColumns.plain(columns.get(c), vector, properties)
                        : PageColumns.dictionary(columns.get(c), vector, properties);
            }
            if (own[c] == null) {
                rest.add(schema.getType(c));
            }
        }
        parquetWritten = rest.isEmpty() ? null : new MessageType(schema.getName(), rest);
    }

    private void requireValues(int c, FieldVector vector, boolean hasNulls) {
        if (hasNulls && columns.get(c).getMaxDefinitionLevel() == 0) {
            throw new IllegalStateException("column '" + vector.getName() + "' is required but holds a NULL"); // ColumnReader refuses it
        }
    }

    private void writeRun(int c, FieldVector vector, boolean hasNulls, ValueWriter value, int from, int to) {
        ColumnWriter out = writers[c];
        int maxDef = columns.get(c).getMaxDefinitionLevel();
        if (!hasNulls) {
            for (int row = from; row < to; row++) {
                value.write(out, row, maxDef);
            }
            return;
        }
        requireValues(c, vector, hasNulls);
        ArrowBuf validity = vector.getValidityBuffer();
        for (int row = from; row < to; row++) {
            if (BitVectorHelper.get(validity, row) == 0) {
                out.writeNull(0, 0);
            } else {
                value.write(out, row, maxDef);
            }
        }
    }

    /**
     * How many rows parquet-java may buffer before it measures its pages again. It guesses from the
     * rows so far but, right after cutting a page, has nothing to guess from and waits up to 10,000
     * rows: with 5 MB blobs that made pages of the whole row group, all on the heap. Bounded here by
     * the first batch's bytes per row, so a page is measured at least every half page of data.
     */
    private int rowsBetweenPageChecks(VectorSchemaRoot firstBatch) {
        int rows = Math.max(1, firstBatch.getRowCount());
        long bytes = 0;
        for (FieldVector v : firstBatch.getFieldVectors()) {
            bytes += v.getBufferSize();
        }
        long perRow = Math.max(1, bytes / rows);
        return (int) Math.max(1, Math.min(MAX_ROWS_BETWEEN_PAGE_CHECKS, options.pageBytes() / 2 / perRow));
    }

    private ParquetProperties properties(List<String> plainColumns, int rowsBetweenPageChecks) {
        ParquetProperties.Builder b = ParquetProperties.builder()
                .withPageSize(options.pageBytes())
                .withMinRowCountForPageSizeCheck(1)
                .withMaxRowCountForPageSizeCheck(rowsBetweenPageChecks)
                .withDictionaryEncoding(true)
                .withRowGroupRowCountLimit(options.rowGroupRows())
                .withAllocator(new RecyclingAllocator(Math.min(MAX_RECYCLED_BYTES, options.rowGroupBytes() / 4)));
        for (String column : plainColumns) {
            b.withDictionaryEncoding(column, false);
        }
        return b.build();
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        store = parquetWritten == null ? null : properties.newColumnWriteStore(parquetWritten, pages, pages);
        writers = new ColumnWriter[columns.size()];
        for (int c = 0; c < writers.length; c++) {
            if (own[c] != null) {
                own[c].startRowGroup(pages.getPageWriter(columns.get(c)));
            } else {
                writers[c] = store.getColumnWriter(columns.get(c));
            }
        }
        rowsInGroup = 0;
    }

    /** Bytes held for the open row group, its compressed pages included. */
    private long bufferedSize() {
        long size = store == null ? 0 : store.getBufferedSize();
        for (PageColumn p : own) {
            if (p != null) {
                size += p.bufferedSize();
            }
        }
        return size;
    }

    private void endRowGroup() throws IOException {
        file.startBlock(rowsInGroup);
        for (PageColumn p : own) {
            if (p != null) {
                p.endRowGroup();
            }
        }
        if (store != null) {
            store.flush();
        }
        pages.flushToFileWriter(file);
        file.endBlock();
        closeRowGroup();
    }

    private void closeRowGroup() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            pages.close();
            store = null;
            pages = null;
        }
    }

    /** The columns whose pages Sluice writes itself; known after the first batch. */
    List<String> ownPageColumns() {
        List<String> names = new ArrayList<>();
        for (int c = 0; own != null && c < own.length; c++) {
            if (own[c] != null) {
                names.add(schema.getFieldName(c));
            }
        }
        return names;
    }

    /** Metadata known only at the end (e.g. SRIDs seen); goes into the footer. */
    public void putClosingMetadata(String key, String value) {
        closingMetadata.put(key, value);
    }

    /** Bytes written so far plus those buffered for the current row group. */
    public long dataSize() {
        try {
            return file.getPos() + (pages == null ? 0 : bufferedSize());
        } catch (IOException e) {
            return -1;
        }
    }

    /** Closes the file without a footer; the caller deletes it. */
    @Override
    public void abort() {
        failed = true;
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // giving up anyway: the first failure is the one reported
        }
    }

    /** Finishes the file (footer included) unless a write failed, and always closes it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                if (pages != null && rowsInGroup > 0) {
                    endRowGroup();
                }
                // sorted: a HashMap lists keys of one bucket in the order they came, and Map.of's order differs
                // from JVM to JVM, so the same export gave footers in different byte orders on JDK 17 and 25
                Map<String, String> footer = new TreeMap<>(openingMetadata);
                footer.putAll(closingMetadata);
                file.end(footer);
            }
        } catch (IOException | RuntimeException e) {
            output.closeStreamAfter(e);
            throw e;
        } finally {
            try {
                try {
                    if (pages != null) {
                        closeRowGroup();
                    }
                } finally {
                    closePageColumns(); // their buffers go back even when the row group's did not
                }
            } finally {
                try {
                    compressor.release(); // zstd's native context
                } finally {
                    output.closeStream(); // whatever failed above, the file handle goes
                }
            }
        }
    }

    private void closePageColumns() {
        if (own != null) {
            for (PageColumn p : own) {
                if (p != null) {
                    p.close();
                }
            }
        }
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
}
