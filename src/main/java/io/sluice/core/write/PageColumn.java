package io.sluice.core.write;

import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A column whose pages Sluice encodes itself from the Arrow buffers, a run of rows at a time, and
 * hands to parquet-java's page writer (which compresses them and builds the column and offset
 * indexes): PLAIN here and in the {@code Plain*Column}s, dictionary-encoded in the
 * {@link DictionaryColumn}s. parquet-java's own column writer takes one call per value, and each value
 * passes its level writers, its value writer's byte stream, its statistics, size statistics and bloom
 * filter; that was most of the writer thread's time besides zstd (docs/benchmarks.md, eighth pass).
 * The levels and the page format are parquet-java's, from the same {@link ParquetProperties}; the
 * statistics are parquet-java's objects, given each page's minimum and maximum. {@link PageColumns}
 * says which columns qualify.
 */
abstract class PageColumn {
    final ColumnDescriptor column;
    final PrimitiveType type;
    final PageBuffer values = new PageBuffer();
    private final ValuesWriter repetitionLevels;
    private final ValuesWriter definitionLevels;
    private final boolean optional;
    private final int pageBytes;
    private final int pageRows;
    private final GeospatialStatistics noGeospatialStatistics;
    PageWriter pages;
    private int rowsInPage;
    private int nullsInPage;

    PageColumn(ColumnDescriptor column, ParquetProperties properties) {
        this.column = column;
        this.type = column.getPrimitiveType();
        this.repetitionLevels = properties.newRepetitionLevelWriter(column);
        this.definitionLevels = properties.newDefinitionLevelWriter(column);
        this.optional = column.getMaxDefinitionLevel() > 0;
        this.pageBytes = properties.getPageSizeThreshold();
        this.pageRows = properties.getPageRowCountLimit();
        this.noGeospatialStatistics = GeospatialStatistics.newBuilder(type).build(); // what parquet-java gives a non-geometry page
    }

    /** The row group's page writer for this column; the pages so far went to the previous one. */
    void startRowGroup(PageWriter pageWriter) {
        this.pages = pageWriter;
    }

    /** Rows {@code from} to {@code to} of the vector; {@code hasNulls} false promises a validity of all ones. */
    void write(FieldVector vector, int from, int to, boolean hasNulls) throws IOException {
        writeUntilStopped(vector, from, to, hasNulls);
    }

    /**
     * As {@link #write}, until {@link #stopped} says this column can take no more rows (a dictionary
     * grown too large).
     *
     * @return the row after the last one taken
     */
    final int writeUntilStopped(FieldVector vector, int from, int to, boolean hasNulls) throws IOException {
        ArrowBuf validity = hasNulls ? vector.getValidityBuffer() : null;
        int row = from;
        while (row < to && !stopped()) {
            int end = Math.min(to, row + pageRows - rowsInPage);
            int reached = append(vector, validity, row, end, pageBytes);
            if (optional) {
                levels(validity, row, reached);
            }
            rowsInPage += reached - row;
            row = reached;
            if (rowsInPage >= pageRows || pageValueBytes() >= pageBytes || stopped()) {
                writePage();
            }
        }
        return row;
    }

    /** Whether the column takes no more rows in this row group. */
    boolean stopped() {
        return false;
    }

    /** The page's values as they count against the page size. */
    long pageValueBytes() {
        return values.size();
    }

    /** The page's values, encoded; valid until {@link #resetPageValues}. */
    BytesInput pageValues() {
        return values.asBytesInput();
    }

    /** The encoding of {@link #pageValues}. */
    Encoding pageEncoding() {
        return Encoding.PLAIN;
    }

    /** Forgets the page's values once the page is written. */
    void resetPageValues() {
        values.reset();
    }

    /** Writes what the row group still holds: the last page. */
    void endRowGroup() throws IOException {
        writePage();
    }

    private void levels(ArrowBuf validity, int from, int to) {
        if (validity == null) {
            for (int row = from; row < to; row++) {
                definitionLevels.writeInteger(1);
            }
            return;
        }
        long bits = validityAddress(validity, from, to);
        for (int row = from; row < to; row++) {
            int defined = bit(bits, row);
            definitionLevels.writeInteger(defined);
            nullsInPage += 1 - defined;
        }
    }

    /**
     * The address of an Arrow buffer, once its bytes {@code from} to {@code from + length} are known to
     * be inside it. The loops then read values without Arrow's check on every access: once a run, not
     * once a value, and cheap before the JIT has compiled them.
     */
    static long address(ArrowBuf buffer, long from, long length) {
        if (from < 0 || length < 0 || from + length > buffer.capacity()) {
            throw new IndexOutOfBoundsException("bytes " + from + " to " + (from + length) + " of a buffer of " + buffer.capacity());
        }
        return buffer.memoryAddress();
    }

    /** {@link #address} of a validity bitmap that holds rows {@code from} to {@code to} (exclusive). */
    static long validityAddress(ArrowBuf validity, int from, int to) {
        return address(validity, from >> 3, ((to - 1) >> 3) - (from >> 3) + 1L);
    }

    /** Row {@code row}'s bit of a bitmap at {@code address}: 1 for a value, 0 for NULL. */
    static int bit(long address, int row) {
        return MemoryUtil.getByte(address + (row >> 3)) >> (row & 7) & 1;
    }

    /**
     * Appends the non-null values of rows {@code from} to at most {@code to} to {@link #values} and to
     * the page's statistics, stopping after the row that takes the page to {@code pageBytes} or more.
     *
     * @param validity null when the rows hold no NULL
     * @return the row after the last one taken, more than {@code from}
     */
    abstract int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes);

    /** The page's statistics, with its minimum and maximum; its NULLs are counted by the caller. */
    abstract Statistics<?> pageStatistics();

    /** Forgets the page's minimum and maximum. */
    abstract void resetStatistics();

    /** Bytes of BYTE_ARRAY values in the page, as parquet-java's size statistics count them; else 0. */
    long unencodedByteArrayBytes() {
        return 0;
    }

    /** Bytes held for the row group: this page so far and the pages handed over. */
    long bufferedSize() {
        return pageBufferedSize() + (pages == null ? 0 : pages.getMemSize());
    }

    /** Bytes held for the page so far. */
    long pageBufferedSize() {
        return pageValueBytes() + definitionLevels.getBufferedSize();
    }

    /** Writes the page so far, if it has rows: at a page's limits and at the end of the row group. */
    void writePage() throws IOException {
        if (rowsInPage == 0) {
            return;
        }
        Statistics<?> statistics = pageStatistics();
        statistics.incrementNumNulls(nullsInPage);
        SizeStatistics sizes = new SizeStatistics(type, unencodedByteArrayBytes(), null, null); // no levels above 1
        pages.writePage(BytesInput.concat(repetitionLevels.getBytes(), definitionLevels.getBytes(), pageValues()),
                rowsInPage, rowsInPage, statistics, sizes, noGeospatialStatistics,
                repetitionLevels.getEncoding(), definitionLevels.getEncoding(), pageEncoding());
        repetitionLevels.reset();
        definitionLevels.reset();
        resetPageValues();
        resetStatistics();
        rowsInPage = 0;
        nullsInPage = 0;
    }

    /** Gives the level writers' buffers back. */
    void close() {
        repetitionLevels.close();
        definitionLevels.close();
    }
}
