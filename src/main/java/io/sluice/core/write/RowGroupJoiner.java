package io.sluice.core.write;

import io.sluice.core.error.CancelledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
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
 * with its minimum, maximum and null count, its column index and its offset index (the offsets moved to
 * where the chunk now starts). Nothing is decoded, so every value is the one the part holds. Left out:
 * a chunk's size statistics (unencoded byte counts, which readers use only to plan memory), which
 * parquet-java's {@code appendColumnChunk} does not carry over.
 *
 * <p>parquet-java's own {@code ParquetFileWriter.appendFile} leaves the column and offset indexes out,
 * so readers could no longer skip pages by them; {@code appendColumnChunk}, which its rewriter uses,
 * keeps them. The parts are read with a configuration that never loads Hadoop's, which the installed
 * app-image does not ship (pom.xml, dist-input).
 */
public final class RowGroupJoiner {
    private RowGroupJoiner() {}

    /**
     * Writes {@code parts} into {@code out} (created or replaced), deleting each part once it is
     * copied, so that the disk holds the output and at most one part more, not two copies of the table.
     *
     * @param footer put over the first part's key-value metadata (the Arrow schema, the source)
     * @param cancelled asked between row groups: a long join stops with {@link CancelledException}
     */
    public static void join(List<Path> parts, Path out, Map<String, String> footer, BooleanSupplier cancelled) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        MessageType schema;
        Map<String, String> metadata;
        try (ParquetFileReader first = open(new ChannelInputFile(parts.get(0)))) {
            schema = first.getFileMetaData().getSchema();
            metadata = new TreeMap<>(first.getFileMetaData().getKeyValueMetaData()); // sorted, as ParquetBatchWriter writes it
        }
        metadata.putAll(footer);
        ClosableOutputFile output = new ClosableOutputFile(out);
        try {
            ParquetFileWriter writer = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.OVERWRITE, 0, 0, null,
                    ParquetProperties.builder().build());
            writer.start();
            for (Path part : parts) {
                append(writer, schema, new ChannelInputFile(part), cancelled);
                Files.delete(part);
            }
            writer.end(metadata);
        } catch (IOException | RuntimeException e) {
            try {
                output.closeStream();
            } catch (IOException again) {
                e.addSuppressed(again); // the first failure is the one to report
            }
            throw e;
        }
        output.closeStream(); // end() has closed it; a no-op then
    }

    private static ParquetFileReader open(InputFile file) throws IOException {
        // the page codecs are Sluice's own: no page is decompressed here, but the reader wants a factory
        return ParquetFileReader.open(file, ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs()).build());
    }

    private static void append(ParquetFileWriter writer, MessageType schema, InputFile part, BooleanSupplier cancelled)
            throws IOException {
        try (ParquetFileReader reader = open(part); SeekableInputStream in = part.newStream()) {
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
