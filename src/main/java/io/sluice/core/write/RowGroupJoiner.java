package io.sluice.core.write;

import io.sluice.core.error.CancelledException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet files of one schema, written by {@link ParquetBatchWriter}, joined into one: their row groups
 * in the order given, each column chunk copied as its bytes lie (pages, dictionary, page checksums),
 * with its statistics, column index and offset index (the offsets moved to where the chunk now
 * starts). Nothing is decoded, so every value is the one the part holds. The footer's key-value
 * metadata (the Arrow schema, the source) is the first file's.
 *
 * <p>parquet-java's own {@code ParquetFileWriter.appendFile} leaves the column and offset indexes out,
 * so readers could no longer skip pages by them; {@code appendColumnChunk}, which its rewriter uses,
 * keeps them, and is what this calls.
 */
public final class RowGroupJoiner {
    private RowGroupJoiner() {}

    /**
     * Writes {@code parts} into {@code out} (created or replaced).
     *
     * @param cancelled asked between row groups: a long join stops with {@link CancelledException}
     */
    public static void join(List<Path> parts, Path out, BooleanSupplier cancelled) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        MessageType schema;
        Map<String, String> metadata;
        try (ParquetFileReader first = ParquetFileReader.open(new ChannelInputFile(parts.get(0)))) {
            schema = first.getFileMetaData().getSchema();
            metadata = new TreeMap<>(first.getFileMetaData().getKeyValueMetaData()); // sorted, as ParquetBatchWriter writes it
        }
        ClosableOutputFile output = new ClosableOutputFile(out);
        try {
            ParquetFileWriter writer = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.OVERWRITE, 0, 0, null,
                    ParquetProperties.builder().build());
            writer.start();
            for (Path part : parts) {
                append(writer, schema, new ChannelInputFile(part), cancelled);
            }
            writer.end(metadata);
        } finally {
            output.closeStream(); // after end() it is closed already; after a failure it is closed here
        }
    }

    private static void append(ParquetFileWriter writer, MessageType schema, InputFile part, BooleanSupplier cancelled)
            throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(part); SeekableInputStream in = part.newStream()) {
            if (!reader.getFileMetaData().getSchema().equals(schema)) {
                throw new IllegalArgumentException("the parts to join have different schemas");
            }
            for (BlockMetaData rowGroup : reader.getRowGroups()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancelledException();
                }
                writer.startBlock(rowGroup.getRowCount());
                for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                    // the chunks of a row group written by ParquetBatchWriter are in the schema's order
                    writer.appendColumnChunk(schema.getColumnDescription(chunk.getPath().toArray()), in, chunk,
                            reader.readBloomFilter(chunk), reader.readColumnIndex(chunk), reader.readOffsetIndex(chunk));
                }
                writer.endBlock();
            }
        }
    }
}
