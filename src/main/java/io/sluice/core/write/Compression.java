package io.sluice.core.write;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The Parquet codecs Sluice offers. */
public enum Compression {
    ZSTD(CompressionCodecName.ZSTD),
    SNAPPY(CompressionCodecName.SNAPPY),
    GZIP(CompressionCodecName.GZIP),
    LZ4(CompressionCodecName.LZ4_RAW),
    NONE(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName codec;

    Compression(CompressionCodecName codec) {
        this.codec = codec;
    }

    CompressionCodecName codec() {
        return codec;
    }

    public static Compression parse(String text) {
        String k = text.strip().toUpperCase(Locale.ROOT);
        if (k.equals("UNCOMPRESSED")) {
            return NONE;
        }
        if (k.equals("LZ4_RAW")) {
            return LZ4;
        }
        try {
            return valueOf(k);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compression '" + text + "': use zstd, snappy, gzip, lz4 or none.");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
