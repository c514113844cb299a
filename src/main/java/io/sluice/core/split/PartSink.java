package io.sluice.core.split;

import io.sluice.core.export.AtomicTarget;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.write.BatchSink;
import io.sluice.core.write.ParquetBatchWriter;
import io.sluice.core.write.ParquetColumn;
import io.sluice.core.write.WriterOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One range's rows as parts of bounded size: a part is written to a temp file and moved into place
 * (and into the manifest) as soon as it holds {@code maxRows} rows or {@code maxBytes} bytes; a cut
 * by rows is exact, a cut by size comes after the batch that reached it.
 */
final class PartSink implements BatchSink {
    private final Path dir;
    private final int range;
    private final boolean ranged;
    private final Schema arrowSchema;
    private final List<ParquetColumn> columns;
    private final WriterOptions options;
    private final Map<String, String> metadata;
    private final long maxRows;
    private final long maxBytes;
    private final int keyColumn;
    private final boolean checksums;
    private final Consumer<Manifest.Part> onPart;
    private int seq;
    private boolean wroteAny;
    private AtomicTarget target;
    private ParquetBatchWriter writer;
    private long rowsInPart;
    private String keyFrom;
    private String keyTo;

    /**
     * @param keyColumn the key's position among the columns, or -1 without a key
     * @param checksums whether each part's SHA-256 goes into the manifest, for a resume to trust it:
     *     not for parts only joined into one file and then deleted, where it was a second read of the data
     */
    PartSink(Path dir, int range, boolean ranged, int firstSeq, Schema arrowSchema, List<ParquetColumn> columns,
             WriterOptions options, Map<String, String> metadata, long maxRows, long maxBytes, int keyColumn,
             boolean checksums, Consumer<Manifest.Part> onPart) {
        this.dir = dir;
        this.range = range;
        this.ranged = ranged;
        this.seq = firstSeq;
        this.wroteAny = firstSeq > 0; // a resumed range already has parts: no empty one is added
        this.arrowSchema = arrowSchema;
        this.columns = columns;
        this.options = options;
        this.metadata = metadata;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.keyColumn = keyColumn;
        this.checksums = checksums;
        this.onPart = onPart;
    }

    static String fileName(boolean ranged, int range, int seq) {
        return ranged ? String.format(Locale.ROOT, "part-%05d-%05d.parquet", range, seq)
                : String.format(Locale.ROOT, "part-%05d.parquet", seq);
    }

    @Override
    public void write(VectorSchemaRoot batch) throws IOException {
        int n = batch.getRowCount();
        int from = 0;
        while (from < n) {
            if (writer == null) {
                open();
            }
            int take = maxRows > 0 ? (int) Math.min(n - from, maxRows - rowsInPart) : n - from;
            VectorSchemaRoot slice = from == 0 && take == n ? batch : batch.slice(from, take);
            try {
                writer.write(slice);
                if (keyColumn >= 0) {
                    if (rowsInPart == 0) {
                        keyFrom = ValueFormatter.format(slice.getVector(keyColumn), 0);
                    }
                    keyTo = ValueFormatter.format(slice.getVector(keyColumn), take - 1);
                }
            } finally {
                if (slice != batch) {
                    slice.close();
                }
            }
            rowsInPart += take;
            from += take;
            if ((maxRows > 0 && rowsInPart >= maxRows) || (maxBytes > 0 && writer.dataSize() >= maxBytes)) {
                closePart();
            }
        }
    }

    private void open() throws IOException {
        target = AtomicTarget.begin(dir.resolve(fileName(ranged, range, seq)), false); // the split keeps its folder
        writer = new ParquetBatchWriter(target.temp(), arrowSchema, columns, options, metadata);
        rowsInPart = 0;
        keyFrom = null;
        keyTo = null;
    }

    private void closePart() throws IOException {
        writer.close();
        target.commit();
        Manifest.Part p = new Manifest.Part();
        p.file = target.target().getFileName().toString();
        p.range = range;
        p.seq = seq;
        p.keyFrom = keyFrom;
        p.keyTo = keyTo;
        p.rows = rowsInPart;
        p.bytes = Files.size(target.target());
        p.sha256 = checksums ? sha256(target.target()) : null;
        target.close();
        writer = null;
        target = null;
        seq++;
        wroteAny = true;
        onPart.accept(p);
    }

    /** Completes the last part; a range without rows still gets one (empty) part, so its schema is there. */
    @Override
    public void close() throws IOException {
        if (writer == null && !wroteAny) {
            open();
        }
        if (writer != null) {
            closePart();
        }
    }

    @Override
    public void abort() {
        if (writer != null) {
            writer.abort();
        }
        if (target != null) {
            target.close(); // deletes the temp file; complete parts stay for --resume
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
