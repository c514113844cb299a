package io.sluice.core.split;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code _sluice_manifest.json}: what a split export has written so far, so it can be resumed and
 * chunks can share a folder. The source (a table's name, never a DSN or user), the key and its
 * boundaries, the columns' types, and each complete part with its key range, rows, bytes and
 * SHA-256. Public fields: Jackson reads and writes it as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Manifest {
    public int version = 1;
    public String source;
    public String key;
    public Boolean keyQuoted;
    public List<String> boundaries;
    /** The filter the parts were read with (a resume must use the same), or null. */
    public String filter;
    /** The parts' limits (--max-rows-per-file, --max-file-size; 0 for none): a resume must cut the same way. Null in older manifests. */
    public Long maxRowsPerFile;
    public Long maxFileBytes;
    /** One line per column: name, MySQL type, Arrow type, Parquet type. */
    public List<String> mapping = new ArrayList<>();
    public List<Part> parts = new ArrayList<>();
    /** Ranges written to their end. */
    public TreeSet<Integer> completeRanges = new TreeSet<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Part {
        public String file;
        public int range;
        public int seq;
        /** The key of the part's first and last row (text), or null without a key. */
        public String keyFrom;
        public String keyTo;
        public long rows;
        public long bytes;
        public String sha256;
    }

    public List<Part> partsOf(int range) {
        return parts.stream().filter(p -> p.range == range).sorted((a, b) -> Integer.compare(a.seq, b.seq)).toList();
    }

    public Optional<RangePlan> plan() {
        return boundaries == null ? Optional.empty() : Optional.of(new RangePlan(key, Boolean.TRUE.equals(keyQuoted), boundaries));
    }
}
