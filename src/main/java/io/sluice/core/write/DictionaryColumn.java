package io.sluice.core.write;

import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;

/**
 * A column of few distinct values, dictionary-encoded by Sluice as parquet-java's version 1 writer
 * does it: each data page holds the values' ids (one byte of bit width, then parquet-java's own
 * RLE/bit-packed encoder), and the row group's dictionary page holds each distinct value once,
 * PLAIN. parquet-java's dictionary writer costs a hash-map lookup of a boxed or {@code Binary} key a
 * value, behind its column writer's per-value path; on the benchmark's table (d), three such columns
 * kept that whole path (and the JIT's work compiling it) in every export (docs/benchmarks.md, eighth
 * pass). As parquet-java does, a row group goes on in PLAIN pages ({@code plain}) when its first page
 * is no smaller with the dictionary than without (that page is then written PLAIN too), or when the
 * dictionary outgrows parquet-java's dictionary page size (the pages already written keep their ids).
 */
abstract class DictionaryColumn extends PageColumn {
    /** The distinct values so far, PLAIN, in the order of their ids: the dictionary page. */
    final PageBuffer dictionary = new PageBuffer();
    int entries;
    private final ParquetProperties properties;
    private final int maxDictionaryBytes;
    private final PageColumn plain;
    private boolean inPlain;
    /** The first page did not pay for its dictionary: the row group takes no more ids. */
    private boolean givenUp;
    private boolean firstPage = true;
    /** The bytes the page's values would take PLAIN. */
    private long plainBytes;
    private int[] ids = new int[1 << 12];
    private int idCount;
    private RunLengthBitPackingHybridEncoder encoder;

    DictionaryColumn(ColumnDescriptor column, ParquetProperties properties, PageColumn plain) {
        super(column, properties);
        this.properties = properties;
        this.maxDictionaryBytes = properties.getDictionaryPageSizeThreshold();
        this.plain = plain;
    }

    @Override
    void startRowGroup(PageWriter pageWriter) {
        super.startRowGroup(pageWriter);
        plain.startRowGroup(pageWriter);
    }

    @Override
    void write(FieldVector vector, int from, int to, boolean hasNulls) throws IOException {
        int row = inPlain ? from : writeUntilStopped(vector, from, to, hasNulls);
        if (row < to) {
            inPlain = true;
            plain.write(vector, row, to, hasNulls);
        }
    }

    /**
     * The first page did not pay for its dictionary, or the dictionary has outgrown its page: the page
     * so far is written, the rest of the row group goes PLAIN.
     */
    @Override
    final boolean stopped() {
        return givenUp || dictionary.size() > maxDictionaryBytes;
    }

    /** Adds a value's id to the page; {@code plainSize} is what the value would take in a PLAIN page. */
    final void addId(int id, int plainSize) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
        plainBytes += plainSize;
    }

    /** Appends entry {@code id} to a PLAIN page. */
    abstract void writePlain(int id, PageBuffer page);

    /** As parquet-java counts a dictionary-encoded page against the page size: 4 bytes an id. */
    @Override
    long pageValueBytes() {
        return idCount * 4L;
    }

    @Override
    BytesInput pageValues() {
        if (entries == 0) {
            return BytesInput.empty(); // NULLs only: no value, no dictionary to point into
        }
        int bitWidth = BytesUtils.getWidthFromMaxInt(entries - 1);
        encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, Math.max(64, idCount), properties.getAllocator());
        BytesInput encoded;
        try {
            for (int i = 0; i < idCount; i++) {
                encoder.writeInt(ids[i]);
            }
            encoded = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode dictionary ids", e); // the encoder writes to memory only
        }
        if (firstPage && encoded.size() + dictionary.size() >= plainBytes) { // parquet-java's test, on the same page
            givenUp = true;
            values.reset();
            for (int i = 0; i < idCount; i++) {
                writePlain(ids[i], values);
            }
            return values.asBytesInput();
        }
        return encoded;
    }

    @Override
    Encoding pageEncoding() {
        return entries == 0 || givenUp ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY;
    }

    @Override
    void resetPageValues() {
        if (idCount > 0) {
            firstPage = false; // a page of NULLs only tells nothing about the dictionary: the next one is weighed
        }
        idCount = 0;
        plainBytes = 0;
        values.reset();
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        if (givenUp) {
            forgetDictionary(); // no page points into it
        }
    }

    private void forgetDictionary() {
        dictionary.reset();
        entries = 0;
        forgetEntries();
    }

    @Override
    void endRowGroup() throws IOException {
        writePage();
        if (inPlain) {
            plain.endRowGroup();
        }
        if (entries > 0) {
            pages.writeDictionaryPage(new DictionaryPage(dictionary.asBytesInput(), entries, Encoding.PLAIN_DICTIONARY));
        }
        forgetDictionary();
        inPlain = false;
        givenUp = false;
        firstPage = true;
    }

    /** Empties the lookup from values to ids, for the next row group's dictionary. */
    abstract void forgetEntries();

    @Override
    long bufferedSize() {
        return super.bufferedSize() + dictionary.size() + (inPlain ? plain.pageBufferedSize() : 0);
    }

    @Override
    void close() {
        resetPageValues();
        super.close();
        plain.close();
    }
}
