package io.sluice.core.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.schema.Source;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole export as a document that can be run again (`sluice run FILE`, Open job… in the window):
 * the connection without its password, every table (resolved: a glob is saved as the tables it
 * matched, so a job never silently exports something else), each with its own choices and target,
 * and the file options. {@code docs/job.schema.json} describes it.
 *
 * @param outDir the folder of a multi-table job ({@code <outDir>/<database>/<table>.parquet}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(int version, Connection connection, List<Export> exports, String outDir, String compression,
                  Integer rowGroupRows, Integer rowGroupMb) {
    public static final int VERSION = 1;

    public Job {
        exports = exports == null ? List.of() : List.copyOf(exports);
    }

    /** Where to connect; the password never goes here. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(String dsn, String tlsMode, String caFile, Integer connectTimeoutSeconds) {
        public static Connection of(ConnectionSpec spec) {
            return new Connection(spec.dsn().redacted(), spec.tlsMode().cliName(),
                    spec.caFile().map(p -> p.toAbsolutePath().toString()).orElse(null),
                    (int) spec.connectTimeout().toSeconds());
        }

        /** @throws IllegalArgumentException with one sentence when a field is off */
        public ConnectionSpec.Builder toSpec() {
            ConnectionSpec.Builder b = ConnectionSpec.builder(Dsn.parse(dsn)).tlsMode(tlsMode == null ? TlsMode.PREFERRED
                    : TlsMode.parse(tlsMode));
            if (caFile != null) {
                b.caFile(Path.of(caFile));
            }
            if (connectTimeoutSeconds != null) {
                b.connectTimeout(Duration.ofSeconds(Math.max(1, connectTimeoutSeconds)));
            }
            return b;
        }
    }

    /**
     * One table (or one query) and how to export it. {@code out} is relative to the job's outDir when it has
     * one; {@code connections}, when more than one, reads the table's key ranges at once into that file.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Export(String database, String table, String query, List<String> columns, String where, Long limit,
                         Map<String, String> overrides, String out, Integer connections) {
        public Export {
            columns = columns == null ? List.of() : List.copyOf(columns);
            overrides = overrides == null ? Map.of() : new LinkedHashMap<>(overrides);
        }

        public static Export of(ExportRequest r, String out) {
            Map<String, String> o = new LinkedHashMap<>();
            r.overrides().forEach((k, v) -> o.put(k, v.cliName()));
            Long limit = r.limit().isPresent() ? r.limit().getAsLong() : null;
            if (r.source() instanceof Source.Table t) {
                return new Export(t.database(), t.name(), null, r.columns(), r.where().orElse(null), limit, o, out,
                        r.connections() > 1 ? r.connections() : null);
            }
            Source.Query q = (Source.Query) r.source();
            return new Export(q.database().isEmpty() ? null : q.database(), null, q.sql(), r.columns(), r.where().orElse(null),
                    limit, o, out, null); // a query is one stream
        }

        Source source() {
            if ((table == null) == (query == null)) {
                throw new IllegalArgumentException("Each export of a job names either a table or a query.");
            }
            if (query != null) {
                return Source.query(query, database);
            }
            if (database == null) {
                throw new IllegalArgumentException("The export of table '" + table + "' names no database.");
            }
            return Source.table(database, table);
        }
    }

    /** The requests this job runs, in order. */
    public List<ExportRequest> requests() {
        WriterOptions options = WriterOptions.DEFAULTS;
        if (compression != null) {
            options = options.withCompression(Compression.parse(compression));
        }
        if (rowGroupRows != null) {
            options = options.withRowGroupRows(rowGroupRows);
        }
        if (rowGroupMb != null) {
            options = options.withRowGroupBytes((long) rowGroupMb << 20);
        }
        List<ExportRequest> out = new ArrayList<>();
        for (Export e : exports) {
            if (e.out() == null) {
                throw new IllegalArgumentException("Each export of a job names its file ('out').");
            }
            int connections = e.connections() == null ? 1 : e.connections();
            if (connections != 1) { // said in the job's words, not the command line's
                String which = e.table() != null ? "table '" + e.table() + "'" : "query";
                if (connections < 1 || connections > 64) {
                    throw new IllegalArgumentException("The export of " + which + " has 'connections' " + connections
                            + "; give 1 to 64.");
                }
                if (e.table() == null || e.limit() != null) {
                    throw new IllegalArgumentException("The export of " + which + " has 'connections' " + connections
                            + ", which takes a table without a 'limit'.");
                }
            }
            Path target = outDir == null ? Path.of(e.out()) : Path.of(outDir).resolve(e.out());
            Map<String, MappingTarget> overrides = new LinkedHashMap<>();
            e.overrides().forEach((k, v) -> overrides.put(k, MappingTarget.parse(v)));
            out.add(ExportRequest.builder(e.source(), target).columns(e.columns()).overrides(overrides).where(e.where())
                    .limit(e.limit()).writerOptions(options).sampleRows(0).connections(connections).build());
        }
        return out;
    }
}
