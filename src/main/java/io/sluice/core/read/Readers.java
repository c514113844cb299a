package io.sluice.core.read;

/**
 * The readers a type rule can choose, as factories: the rule picks one when it maps a column, and
 * the export builds one reader per column from it.
 */
public final class Readers {
    private Readers() {}

    /** Builds the reader of one column; {@code nullable} is fixed for the reader's life. */
    @FunctionalInterface
    public interface Factory {
        ColumnReader<?> create(String column, boolean nullable);
    }

    /** Every integer that fits a signed long, into an Arrow Int of {@code byteWidth} bytes. */
    public static Factory integer(int byteWidth) {
        return (c, n) -> new IntegerReader(c, n, byteWidth);
    }

    public static Factory unsignedBigInt() {
        return UnsignedBigIntReader::new;
    }

    public static Factory boolFromInt() {
        return BoolFromIntReader::new;
    }

    public static Factory float32() {
        return Float32Reader::new;
    }

    public static Factory float64() {
        return Float64Reader::new;
    }

    public static Factory decimal(int precision) {
        return (c, n) -> DecimalReaders.forPrecision(c, n, precision);
    }

    public static Factory bitAsInteger() {
        return BitReaders.AsInteger::new;
    }

    public static Factory bitAsBool() {
        return BitReaders.AsBool::new;
    }

    public static Factory bitAsFixedBinary(int byteWidth) {
        return (c, n) -> new BitReaders.AsFixedBinary(c, n, byteWidth);
    }

    public static Factory date() {
        return DateReader::new;
    }

    public static Factory timestamp() {
        return TimestampReader::new;
    }

    public static Factory timeAsDuration() {
        return TimeReaders.AsDuration::new;
    }

    public static Factory timeOfDay() {
        return TimeReaders.AsTimeOfDay::new;
    }

    /** Text and variable-length binary alike: the bytes as the server sent them. */
    public static Factory bytes() {
        return BytesReaders.Variable::new;
    }

    public static Factory fixedBytes() {
        return BytesReaders.Fixed::new;
    }

    public static Factory geometry() {
        return GeometryReader::new;
    }
}
