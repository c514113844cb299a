package io.sluice.core.read;

/** Per-column counts gathered while reading; summed into the export summary. */
public final class ColumnStats {
    private final String column;
    private long nulls;
    private long nulledValues;

    public ColumnStats(String column) {
        this.column = column;
    }

    void countNull() {
        nulls++;
    }

    /** A value that could not be represented (e.g. a zero date) and was written as NULL. */
    void countNulledValue() {
        nulledValues++;
        nulls++;
    }

    public String column() {
        return column;
    }

    /** All NULLs written, including {@link #nulledValues()}. */
    public long nulls() {
        return nulls;
    }

    public long nulledValues() {
        return nulledValues;
    }
}
