package io.sluice.core.split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a big table is cut: files of at most {@code maxRowsPerFile} rows or {@code maxFileBytes}
 * bytes (0: no limit), {@code parallel} key ranges read at once, or only chunk {@code chunk} of
 * {@code chunks}; {@code resume} continues an export the folder holds.
 */
public record SplitOptions(long maxRowsPerFile, long maxFileBytes, int parallel, int chunk, int chunks, boolean resume) {
    public static final SplitOptions NONE = new SplitOptions(0, 0, 1, 0, 0, false);

    public SplitOptions {
        if (maxRowsPerFile < 0 || maxFileBytes < 0) {
            throw new IllegalArgumentException("File limits cannot be negative.");
        }
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel takes 1 to 64 connections.");
        }
        if (chunks > 0 && (chunk < 1 || chunk > chunks)) {
            throw new IllegalArgumentException("--chunk i/N needs 1 <= i <= N, as in --chunk 2/4.");
        }
        if (chunks > 0 && parallel > 1) {
            throw new IllegalArgumentException("Give --chunk or --parallel, not both: each chunk is one range.");
        }
    }

    /**
     * Whether the ranges go into one file rather than a folder of parts: only connections were asked
     * for (no file limits, chunk or resume), and the target is named as a Parquet file, as a
     * single-file export's is, and is not a folder.
     */
    public boolean joinsInto(Path target) {
        Path name = target.getFileName();
        return parallel > 1 && maxRowsPerFile == 0 && maxFileBytes == 0 && !resume && name != null
                && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet") && !Files.isDirectory(target);
    }

    /** The ranges the key is cut into: N of a chunked export, else one per connection. */
    public int ranges() {
        return chunks > 0 ? chunks : parallel;
    }

    /** {@code i/N}, 1-based, as the user writes it. */
    public static int[] parseChunk(String text) {
        String[] p = text.strip().split("/");
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
            }
        } catch (NumberFormatException ignored) {
            // the one sentence below
        }
        throw new IllegalArgumentException("--chunk takes i/N, as in --chunk 2/4.");
    }

    /** {@code 256MB}, {@code 1.5GB}, {@code 500KB}, {@code 1048576}: bytes (KB = 1024 bytes). */
    public static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("IB", "B");
        long unit = 1;
        for (String[] u : new String[][] {{"TB", "1099511627776"}, {"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return (long) Math.ceil(v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The file size '" + text + "' is not a size such as 256MB or 1GB.");
        }
    }
}
