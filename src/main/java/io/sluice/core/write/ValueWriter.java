package io.sluice.core.write;

import org.apache.parquet.io.api.RecordConsumer;

/** Writes the non-null value at {@code row} of one bound Arrow vector. */
@FunctionalInterface
interface ValueWriter {
    void write(RecordConsumer out, int row);
}
