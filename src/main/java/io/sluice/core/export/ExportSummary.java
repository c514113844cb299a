package io.sluice.core.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an export wrote.
 *
 * @param elapsed the whole export, connection to commit
 * @param streaming from the query's start to the last row written: what rows/s is measured over, so
 *     a small export's rate is not swamped by the first export's class loading
 * @param note why it was read otherwise than asked (a table without a key read over one connection), or null
 * @param connections how many connections read the table's key ranges at once into the file (1: one stream)
 */
public record ExportSummary(Path target, long rows, long fileBytes, Duration elapsed, Duration streaming,
                            List<ColumnSummary> columns, String parquetSchema, String note, int connections) {

    /** Over one connection, with no note. */
    public ExportSummary(Path target, long rows, long fileBytes, Duration elapsed, Duration streaming, List<ColumnSummary> columns,
                         String parquetSchema) {
        this(target, rows, fileBytes, elapsed, streaming, columns, parquetSchema, null, 1);
    }

    /** @param nulledValues values the mapping could not hold (zero dates …), written as NULL */
    public record ColumnSummary(String name, String mysqlType, String arrowType, String parquetType, long nulls,
                                long nulledValues) {}

    public ExportSummary {
        columns = List.copyOf(columns);
    }

    public double rowsPerSecond() {
        double s = streaming.toNanos() / 1e9;
        return s <= 0 ? rows : rows / s;
    }

    /**
     * The one sentence both faces say when an export is done. The rate only when the rows streamed for
     * a second or more: 6 rows "in 0.7 s; streamed at 13 rows/s" read as a contradiction, and said
     * nothing about speed.
     */
    public String sentence() {
        String wrote = String.format(Locale.ROOT, "Wrote %,d %s to %s (%s) in %s%s", rows, rows == 1 ? "row" : "rows", target,
                Units.bytes(fileBytes), Units.duration(elapsed), connections > 1 ? " over " + connections + " connections" : "");
        return streaming.compareTo(Duration.ofSeconds(1)) < 0 ? wrote + "."
                : String.format(Locale.ROOT, "%s; streamed at %,.0f rows/s.", wrote, rowsPerSecond());
    }

    /** What both faces say of values the mapping could not hold (zero dates …): "3 values … written as NULL". */
    public static String nulledValues(long n) {
        return n == 1 ? "1 value the mapping cannot hold was written as NULL"
                : String.format(Locale.ROOT, "%,d values the mapping cannot hold were written as NULL", n);
    }

    public long nulledValues() {
        return columns.stream().mapToLong(ColumnSummary::nulledValues).sum();
    }
}
