package io.sluice.core.write;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compressors over the codec libraries parquet-java already brings (zstd-jni, snappy-java,
 * aircompressor, java.util.zip), instead of parquet's own factory, which goes through Hadoop's
 * codec classes and so needs the 30 MB {@code hadoop-client-runtime} jar for every codec. With this
 * factory the installers leave that jar out. Sluice only writes Parquet, so there are no
 * decompressors here.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /**
     * Level 1, pyarrow's default (Arrow C++), rather than parquet-java's 3: on the benchmark's tables
     * the files differ by -1 to +4% and level 3's search (zstd's "double fast") was an eighth of an
     * export's CPU (docs/benchmarks.md).
     */
    static final int ZSTD_LEVEL = 1;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new PageCompressor(codec, bytes -> bytes);
            case ZSTD -> new ZstdPages();
            case SNAPPY -> new PageCompressor(codec, Snappy::compress);
            case GZIP -> new PageCompressor(codec, ParquetCodecs::gzip);
            case LZ4_RAW -> new PageCompressor(codec, ParquetCodecs::lz4Raw);
            default -> throw new IllegalArgumentException("Sluice does not write " + codec + " pages");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("Sluice writes Parquet; it never reads pages back");
    }

    @Override
    public void release() {
        // stateless: nothing pooled
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 2));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] lz4Raw(byte[] bytes) {
        Lz4Compressor lz4 = new Lz4Compressor();
        byte[] out = new byte[lz4.maxCompressedLength(bytes.length)];
        int n = lz4.compress(bytes, 0, bytes.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * zstd with one native context and one output array for all of a file's pages. {@code Zstd.compress}
     * made and zeroed a context of its own for every page; the profile showed that zeroing as a tenth of
     * the writer's time. parquet-java copies the returned bytes before the next page (checksum, then
     * its page buffer), so reusing the array is safe. Used by the one writer thread of its file.
     */
    private static final class ZstdPages implements BytesInputCompressor {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);
        /** The page gathered from parquet-java's slabs; {@code toByteArray()} made a new array a page. */
        private final Gathered in = new Gathered();
        private byte[] out = new byte[0];

        @Override
        public BytesInput compress(BytesInput page) throws IOException {
            in.reset();
            page.writeAllTo(in);
            int bound = (int) Zstd.compressBound(in.size());
            if (out.length < bound) {
                out = new byte[bound];
            }
            int n = ctx.compressByteArray(out, 0, out.length, in.bytes(), 0, in.size());
            return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
            ctx.close();
        }
    }

    /** A byte stream whose array is read in place and reused. */
    private static final class Gathered extends ByteArrayOutputStream {
        Gathered() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    @FunctionalInterface
    private interface PageCodec {
        byte[] compress(byte[] page) throws IOException;
    }

    private record PageCompressor(CompressionCodecName codecName, PageCodec codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput page) throws IOException {
            return BytesInput.from(codec.compress(page.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codecName;
        }

        @Override
        public void release() {
            // stateless
        }
    }
}
