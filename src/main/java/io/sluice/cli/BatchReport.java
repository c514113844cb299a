package io.sluice.cli;

import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.export.Units;
import io.sluice.core.schema.Source;
import io.sluice.core.service.JsonShapes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary of a multi-table export or a job: a line per table, then the count; or the JSON shape. */
final class BatchReport {
    private BatchReport() {}

    static void print(PrintWriter out, List<TableOutcome> outcomes, boolean json) {
        if (json) {
            out.println(JsonOut.write(JsonShapes.batch(outcomes)));
            out.flush();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TableOutcome o : outcomes) {
            String name = o.source() instanceof Source.Table t ? t.database() + "." + t.name() : "query";
            if (o.done()) {
                ExportSummary s = o.summary();
                rows.add(List.of(name, String.format(Locale.ROOT, "%,d", s.rows()), Units.bytes(s.fileBytes()),
                        Units.duration(s.elapsed()), s.target().toString()));
            } else {
                rows.add(List.of(name, "", "", "", o.state().name().toLowerCase(Locale.ROOT)));
                failures.add("  " + name + ": " + o.sentence()); // in full: a table cell would cut it
            }
            String escaped = o.source() instanceof Source.Table t ? io.sluice.core.export.FileNames.escape(t.name()) : null;
            String file = o.target() == null ? null : o.target().getFileName().toString();
            if (escaped != null && file != null && !file.equals(((Source.Table) o.source()).name() + ".parquet")
                    && (file.equals(escaped + ".parquet") || file.startsWith(escaped + "~"))) {
                renamed.add("  " + name + " is in " + o.target().getFileName() + " (escaped: the name cannot be a file name as it is).");
            }
        }
        TextTable.print(out, List.of("table", "rows", "size", "time", "file"), rows);
        failures.forEach(out::println);
        for (TableOutcome o : outcomes) {
            if (o.done()) {
                String table = o.source() instanceof Source.Table t ? t.database() + "." + t.name() + "." : "query.";
                printNulledValues(out, table, o.summary());
                if (o.summary().note() != null) { // e.g. a table without a key read as one stream
                    out.println("  " + table.substring(0, table.length() - 1) + ": " + o.summary().note());
                }
            }
        }
        renamed.forEach(out::println);
        long done = outcomes.stream().filter(TableOutcome::done).count();
        long failed = outcomes.stream().filter(o -> o.state() == TableOutcome.State.FAILED).count();
        out.printf(Locale.ROOT, "Wrote %d of %d %s%s.%n", done, outcomes.size(), outcomes.size() == 1 ? "table" : "tables",
                failed == 0 ? "" : "; " + failed + " failed");
        out.flush();
    }

    /**
     * A line per column whose values the mapping could not hold (zero dates …) and wrote as NULL;
     * {@code prefix} names the table where there are several.
     */
    static void printNulledValues(PrintWriter out, String prefix, ExportSummary s) {
        for (ExportSummary.ColumnSummary c : s.columns()) {
            if (c.nulledValues() > 0) {
                out.println("  " + prefix + c.name() + ": " + ExportSummary.nulledValues(c.nulledValues()) + ".");
            }
        }
    }

    /** 0 when every table was written, 130 when cancelled, else 1. */
    static int exitCode(List<TableOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.state() == TableOutcome.State.CANCELLED || o.state() == TableOutcome.State.SKIPPED)) {
            return SluiceCli.EXIT_CANCELLED;
        }
        return outcomes.stream().allMatch(TableOutcome::done) ? 0 : SluiceCli.EXIT_FAILURE;
    }

    /** A table's progress line on a terminal, named; a shorter line is padded over the longer one before it. */
    static ExportListener progressLine(PrintWriter err, String name) {
        return new ExportListener() {
            private int width;

            @Override
            public void progress(ExportProgress p) {
                show(p.line());
            }

            @Override
            public void joining(long bytesWritten, long bytesInAll) {
                show(ExportProgress.joiningLine(bytesWritten, bytesInAll));
            }

            private void show(String line) {
                String text = name + "  " + line + "   ";
                width = Math.max(width, text.length());
                err.print("\r" + text + " ".repeat(width - text.length()));
                err.flush();
            }
        };
    }
}
