package io.sluice.core.read;

/**
 * The current row as the server sent it: for each column a slice of bytes holding its text form
 * (binary strings as they are), or, for a binary-protocol row, its binary form; or NULL. The slices point into the driver's row buffer and are valid
 * only until the next row is read.
 */
public final class TextRow {
    /** The length of a NULL column. */
    public static final int NULL = -1;

    private final byte[][] buffers;
    private final int[] offsets;
    private final int[] lengths;

    public TextRow(int columns) {
        this.buffers = new byte[columns][];
        this.offsets = new int[columns];
        this.lengths = new int[columns];
    }

    public int columns() {
        return lengths.length;
    }

    /** Column {@code c} (0-based) is {@code length} bytes of {@code buffer} from {@code offset}, or NULL. */
    void set(int c, byte[] buffer, int offset, int length) {
        buffers[c] = buffer;
        offsets[c] = offset;
        lengths[c] = length;
    }

    void setNull(int c) {
        buffers[c] = null;
        lengths[c] = NULL;
    }

    public boolean isNull(int c) {
        return lengths[c] == NULL;
    }

    public byte[] buffer(int c) {
        return buffers[c];
    }

    public int offset(int c) {
        return offsets[c];
    }

    public int length(int c) {
        return lengths[c];
    }
}
