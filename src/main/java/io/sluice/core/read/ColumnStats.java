package io.sluice.core.read;

/** Per-column counts gathered while reading; summed into the export summary. */
public final class ColumnStats {
    private long nulls;
    private long nulledValues;

    void countNull() {
        nulls++;
    }

    /** A value that could not be represented (e.g. a zero date) and was written as NULL. */
    void countNulledValue() {
        nulledValues++;
        nulls++;
    }

    /** All NULLs written, including {@link #nulledValues()}. */
    public long nulls() {
        return nulls;
    }

    public long nulledValues() {
        return nulledValues;
    }
}
