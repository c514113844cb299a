package io.sluice.core.types;

/**
 * Where a decimal's precision decides its layout, said once: the reader (a long or a BigDecimal),
 * the Arrow width (Decimal128 or Decimal256) and the Parquet physical type (INT32, INT64 or a
 * fixed-length byte array) all follow these cut-offs.
 */
public final class DecimalLayout {
    /** Parquet stores up to 9 digits in an INT32. */
    public static final int MAX_INT32_DIGITS = 9;
    /** Up to 18 digits fit a long: INT64 in Parquet, no BigDecimal when reading. */
    public static final int MAX_INT64_DIGITS = 18;
    /** Arrow's Decimal128 holds 38 digits; more needs Decimal256. */
    public static final int MAX_DECIMAL128_DIGITS = 38;
    /** DuckDB misreads DECIMAL(p>38) in FIXED_LEN_BYTE_ARRAY narrower than 32 bytes (TESTING.md §5). */
    public static final int DECIMAL256_FIXED_WIDTH = 32;

    private DecimalLayout() {}

    public static boolean fitsInt(int precision) {
        return precision <= MAX_INT32_DIGITS;
    }

    public static boolean fitsLong(int precision) {
        return precision <= MAX_INT64_DIGITS;
    }

    /** 128 or 256: the Arrow decimal width for the precision. */
    public static int arrowBitWidth(int precision) {
        return precision <= MAX_DECIMAL128_DIGITS ? 128 : 256;
    }

    /** Bytes per value in the Arrow vector. */
    public static int arrowByteWidth(int precision) {
        return arrowBitWidth(precision) / 8;
    }

    /** The fixed-length byte array width in Parquet: the fewest bytes for p ≤ 38, 32 above. */
    public static int fixedWidth(int precision) {
        if (precision > MAX_DECIMAL128_DIGITS) {
            return DECIMAL256_FIXED_WIDTH;
        }
        int bytes = 1;
        while (Math.pow(2, 8 * bytes - 1) < Math.pow(10, precision)) {
            bytes++;
        }
        return bytes;
    }
}
