package io.sluice.core.read;

/** Which reader turns the server's value into the Arrow vector of a mapping. */
public enum ReaderKind {
    INTEGER, UNSIGNED_BIGINT, BOOL_FROM_INT, FLOAT32, FLOAT64, DECIMAL, DECIMAL256,
    BIT_AS_UINT64, BIT_AS_BOOL, BIT_AS_FIXED_BINARY,
    DATE, TIMESTAMP, TIME_AS_DURATION, TIME_OF_DAY,
    TEXT, BINARY, FIXED_BINARY, GEOMETRY
}
