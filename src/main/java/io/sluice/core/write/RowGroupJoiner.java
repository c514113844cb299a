package io.sluice.core.write;

import io.sluice.core.error.CancelledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.hadoop.metadata.IndexReference;
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
 * keeps them. The parts' footers and indexes are read here, as parquet-java's {@code ParquetFileReader}
 * reads them, because that reader cannot be opened without Hadoop's codec classes (its options build
 * a Hadoop codec factory first), which the installed app-image does not ship (pom.xml, dist-input).
 */
public final class RowGroupJoiner {
    private RowGroupJoiner() {}

    /**
     * Writes {@code parts} into {@code out} (created or replaced), deleting each part once it is
     * copied, so that the disk holds the output and at most one part more, not two copies of the table.
     *
     * @param footer put over the first part's key-value metadata (the Arrow schema, the source)
     * @param cancelled asked between row groups: a long join stops with {@link CancelledException}
     * @param written told the bytes written to {@code out} so far, after each row group
     */
    public static void join(List<Path> parts, Path out, Map<String, String> footer, BooleanSupplier cancelled,
                            LongConsumer written) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        ParquetMetadata first;
        InputFile firstPart = new ChannelInputFile(parts.get(0));
        try (SeekableInputStream in = firstPart.newStream()) {
            first = footer(in, firstPart.getLength());
        }
        MessageType schema = first.getFileMetaData().getSchema();
        Map<String, String> metadata = new TreeMap<>(first.getFileMetaData().getKeyValueMetaData()); // sorted, as ParquetBatchWriter writes it
        metadata.putAll(footer);
        ClosableOutputFile output = new ClosableOutputFile(out);
        try {
            ParquetFileWriter writer = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.OVERWRITE, 0, 0, null,
                    ParquetProperties.builder().build());
            writer.start();
            for (Path part : parts) {
                append(writer, schema, new ChannelInputFile(part), cancelled, written);
                Files.delete(part);
            }
            writer.end(metadata);
        } catch (IOException | RuntimeException e) {
            output.closeStreamAfter(e);
            throw e;
        }
        output.closeStream(); // end() has closed it; a no-op then
    }

    private static final ParquetMetadataConverter CONVERTER = new ParquetMetadataConverter();
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** The footer: its length and the magic are the file's last 8 bytes, the footer before them. */
    private static ParquetMetadata footer(SeekableInputStream in, long length) throws IOException {
        byte[] tail = new byte[8];
        in.seek(length - tail.length);
        in.readFully(tail);
        int footerLength = (tail[0] & 0xFF) | (tail[1] & 0xFF) << 8 | (tail[2] & 0xFF) << 16 | (tail[3] & 0xFF) << 24;
        if (!Arrays.equals(tail, 4, 8, MAGIC, 0, 4) || footerLength <= 0 || footerLength > length - 12) {
            throw new IOException("not a Parquet file written to its end");
        }
        in.seek(length - tail.length - footerLength);
        return CONVERTER.readParquetMetadata(in, ParquetMetadataConverter.NO_FILTER);
    }

    private static ColumnIndex columnIndex(SeekableInputStream in, ColumnChunkMetaData chunk) throws IOException {
        IndexReference at = chunk.getColumnIndexReference();
        if (at == null) {
            return null;
        }
        in.seek(at.getOffset());
        return ParquetMetadataConverter.fromParquetColumnIndex(chunk.getPrimitiveType(), Util.readColumnIndex(in));
    }

    private static OffsetIndex offsetIndex(SeekableInputStream in, ColumnChunkMetaData chunk) throws IOException {
        IndexReference at = chunk.getOffsetIndexReference();
        if (at == null) {
            return null;
        }
        in.seek(at.getOffset());
        return ParquetMetadataConverter.fromParquetOffsetIndex(Util.readOffsetIndex(in));
    }

    private static void append(ParquetFileWriter writer, MessageType schema, InputFile part, BooleanSupplier cancelled,
                               LongConsumer written) throws IOException {
        try (SeekableInputStream in = part.newStream()) {
            ParquetMetadata footer = footer(in, part.getLength());
            if (!footer.getFileMetaData().getSchema().equals(schema)) {
                throw new IllegalArgumentException("the parts to join have different schemas");
            }
            // every index first: they lie together after the row groups, so they are read in one pass of the
            // stream's buffer, and then the chunks, in the order they lie too
            List<List<ColumnIndex>> columnIndexes = new ArrayList<>();
            List<List<OffsetIndex>> offsetIndexes = new ArrayList<>();
            for (BlockMetaData rowGroup : footer.getBlocks()) {
                List<ColumnIndex> ci = new ArrayList<>();
                List<OffsetIndex> oi = new ArrayList<>();
                for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                    ci.add(columnIndex(in, chunk));
                    oi.add(offsetIndex(in, chunk));
                }
                columnIndexes.add(ci);
                offsetIndexes.add(oi);
            }
            for (int g = 0; g < footer.getBlocks().size(); g++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancelledException();
                }
                BlockMetaData rowGroup = footer.getBlocks().get(g);
                writer.startBlock(rowGroup.getRowCount());
                List<ColumnChunkMetaData> chunks = rowGroup.getColumns();
                for (int c = 0; c < chunks.size(); c++) {
                    // ParquetBatchWriter writes no Bloom filters, and the chunks of a row group in the schema's order
                    ColumnChunkMetaData chunk = chunks.get(c);
                    writer.appendColumnChunk(schema.getColumnDescription(chunk.getPath().toArray()), in, chunk, null,
                            columnIndexes.get(g).get(c), offsetIndexes.get(g).get(c));
                }
                writer.endBlock();
                written.accept(writer.getPos());
            }
        }
    }
}
