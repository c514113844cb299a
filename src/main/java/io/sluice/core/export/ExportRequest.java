package io.sluice.core.export;

import io.sluice.core.schema.Source;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.write.WriterOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What to export and how. Immutable; built with {@link #builder(Source, Path)}. */
public final class ExportRequest {
    /** An Arrow batch holds at most this many rows, and about this many bytes. */
    public static final int DEFAULT_BATCH_ROWS = 32_768;
    public static final long DEFAULT_BATCH_BYTES = 8L << 20;

    private final Source source;
    private final Path target;
    private final List<String> columns;
    private final Map<String, MappingTarget> overrides;
    private final String where;
    private final Long limit;
    private final WriterOptions writerOptions;
    private final int batchRows;
    private final long batchBytes;
    private final int sampleRows;
    private final int connections;

    private ExportRequest(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.target = Objects.requireNonNull(b.target, "target");
        this.columns = List.copyOf(b.columns);
        this.overrides = Map.copyOf(b.overrides);
        this.where = b.where == null || b.where.isBlank() ? null : b.where.strip();
        this.limit = b.limit;
        this.writerOptions = b.writerOptions;
        this.batchRows = b.batchRows;
        this.batchBytes = b.batchBytes;
        this.sampleRows = b.sampleRows;
        this.connections = b.connections;
    }

    public static Builder builder(Source source, Path target) {
        Builder b = new Builder();
        b.source = source;
        b.target = target;
        return b;
    }

    /** A table (or view) of a database. */
    public static Builder builder(String database, String table, Path target) {
        return builder(Source.table(database, table), target);
    }

    public Source source() {
        return source;
    }

    public Path target() {
        return target;
    }

    /** The same request, written to {@code other}. */
    public ExportRequest withTarget(Path other) {
        Builder b = builder(source, other).columns(columns).overrides(overrides).where(where).writerOptions(writerOptions)
                .batch(batchRows, batchBytes).sampleRows(sampleRows).connections(connections);
        b.limit = limit;
        return b.build();
    }

    /** The columns to export in this order; empty means all, in table order. */
    public List<String> columns() {
        return columns;
    }

    public Map<String, MappingTarget> overrides() {
        return overrides;
    }

    public Optional<String> where() {
        return Optional.ofNullable(where);
    }

    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    public WriterOptions writerOptions() {
        return writerOptions;
    }

    public int batchRows() {
        return batchRows;
    }

    public long batchBytes() {
        return batchBytes;
    }

    /** How many rows in all the listener receives as samples. */
    public int sampleRows() {
        return sampleRows;
    }

    /**
     * How many connections read the table at once, each a range of its key, joined into the one file
     * ({@code export --parallel N --out FILE.parquet}); 1 reads one stream.
     */
    public int connections() {
        return connections;
    }

    public static final class Builder {
        private Source source;
        private Path target;
        private List<String> columns = List.of();
        private final Map<String, MappingTarget> overrides = new LinkedHashMap<>();
        private String where;
        private Long limit;
        private WriterOptions writerOptions = WriterOptions.DEFAULTS;
        private int batchRows = DEFAULT_BATCH_ROWS;
        private long batchBytes = DEFAULT_BATCH_BYTES;
        private int sampleRows = Limits.SAMPLE_ROWS;
        private int connections = 1;

        public Builder columns(List<String> columns) {
            this.columns = List.copyOf(columns);
            return this;
        }

        public Builder override(String column, MappingTarget target) {
            overrides.put(column, target);
            return this;
        }

        public Builder overrides(Map<String, MappingTarget> all) {
            overrides.putAll(all);
            return this;
        }

        public Builder where(String where) {
            this.where = where;
            return this;
        }

        public Builder limit(Long limit) {
            this.limit = Limits.checkRowLimit(limit);
            return this;
        }

        public Builder writerOptions(WriterOptions options) {
            this.writerOptions = Objects.requireNonNull(options);
            return this;
        }

        /** Arrow batches close at this many rows or bytes, whichever comes first. */
        public Builder batch(int rows, long bytes) {
            if (rows < 1 || bytes < 1) {
                throw new IllegalArgumentException("Batches need room for at least one row.");
            }
            this.batchRows = rows;
            this.batchBytes = bytes;
            return this;
        }

        public Builder sampleRows(int rows) {
            this.sampleRows = Math.max(0, rows);
            return this;
        }

        /** Key ranges read at once over this many connections into the one file; 1 to 64. */
        public Builder connections(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("Parallel connections must be a whole number from 1 to 64.");
            }
            this.connections = n;
            return this;
        }

        public ExportRequest build() {
            return new ExportRequest(this);
        }
    }
}
