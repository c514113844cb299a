package io.sluice.core.split;

import io.sluice.core.AtomicFiles;
import io.sluice.core.error.CancelledException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.AtomicTarget;
import io.sluice.core.export.CancelToken;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportPipeline;
import io.sluice.core.export.ExportPlan;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.Exporter;
import io.sluice.core.export.ExportProgress;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.QueryStop;
import io.sluice.core.export.Version;
import io.sluice.core.read.BatchReader;
import io.sluice.core.read.ColumnReader;
import io.sluice.core.read.GeometryReader;
import io.sluice.core.read.RowSource;
import io.sluice.core.read.StreamingQuery;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.write.RowGroupJoiner;
import io.sluice.core.write.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table into a folder of parts: bounded files, key ranges read over several connections at once,
 * one chunk of N for an orchestrator, and resume from the folder's manifest; or its key ranges read at
 * once into one file ({@link #runIntoOneFile}). Each range is read in
 * key order, so a part covers a run of keys and a resumed range continues after its last complete
 * part: no row twice, none missing.
 */
public final class SplitExporter {
    private static final Logger log = LoggerFactory.getLogger(SplitExporter.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    /** Opens a read-only connection: one per range, and one to plan. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final BufferAllocator allocator;

    public SplitExporter(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    private record Work(int range, String after, int firstSeq) {}

    /** The source of the unfinished split export a folder holds (some range not complete), if any. */
    public static java.util.Optional<String> unfinishedIn(Path dir) {
        try {
            Manifest m = Files.isDirectory(dir) ? ManifestStore.read(dir) : null;
            if (m == null || m.source == null) {
                return java.util.Optional.empty();
            }
            int ranges = m.boundaries == null ? 1 : m.boundaries.size() + 1;
            return m.completeRanges.size() < ranges ? java.util.Optional.of(m.source) : java.util.Optional.empty();
        } catch (SluiceException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A table's key ranges read over several connections at once, as {@link #run} reads them, into
     * one file: the ranges' parts go to a temp folder beside the target, then their row groups are
     * joined in key order into the target's temp file ({@link RowGroupJoiner}: copied, not decoded),
     * which replaces the target only when it is complete. The folder goes in every case. Worth it
     * where the server's reading, not this machine's CPU, is what an export waits for (long blobs on
     * a disk that answers more requests at once than one): docs/benchmarks.md, sixteenth pass.
     * The ranges share one snapshot where the server allows ({@link SharedSnapshot}, docs/scale.md), and the file's
     * row groups are each range's own.
     * The summary is a one-file export's: the columns' NULLs and nulled values summed over the ranges.
     */
    public ExportSummary runIntoOneFile(Connector connector, ExportRequest req, SplitOptions opts, ExportListener listener,
                                        CancelToken cancel) throws Exception {
        long t0 = System.nanoTime();
        if (!(req.source() instanceof Source.Table)) {
            throw new SluiceException("--parallel takes a table; export a query without it.");
        }
        try (AtomicTarget target = AtomicTarget.begin(req.target())) {
            Path parts = Files.createDirectory(target.temp().resolveSibling(target.temp().getFileName() + "-ranges"));
            try {
                Map<Integer, BatchReader> readers = new ConcurrentSkipListMap<>(); // in key order
                Ran ran = runRanges(connector, req.withTarget(parts), opts, listener, cancel, readers);
                Duration streaming = Duration.ofNanos(System.nanoTime() - t0);
                Manifest written = ManifestStore.read(parts);
                List<Path> inKeyOrder = written.parts.stream()
                        .sorted(Comparator.comparingInt((Manifest.Part p) -> p.range).thenComparingInt(p -> p.seq))
                        .map(p -> parts.resolve(p.file)).toList();
                Map<String, String> footer = footerOf(readers.values().stream().map(BatchReader::footerMetadata).toList());
                long inAll = 0;
                for (Path part : inKeyOrder) {
                    inAll += Files.size(part);
                }
                long bytesInAll = inAll;
                listener.joining(0, bytesInAll);
                long[] told = {System.nanoTime()};
                RowGroupJoiner.join(inKeyOrder, target.temp(), footer, cancel::isCancelled, bytes -> {
                    long now = System.nanoTime();
                    if (now - told[0] >= PROGRESS_EVERY_NANOS) { // as often as the rows' progress, at most
                        told[0] = now;
                        listener.joining(Math.min(bytes, bytesInAll), bytesInAll);
                    }
                });
                listener.joining(bytesInAll, bytesInAll); // done (the parts' own footers were not copied: a little less)
                AtomicFiles.deleteTree(parts); // before the commit gives the lock up: until then it guards the folder too
                target.commit();
                long bytes = Files.size(target.target());
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                log.info("joined {} parts of {} into {} ({} bytes), {} ms in all", inKeyOrder.size(), req.source().describe(),
                        target.target(), bytes, elapsed.toMillis());
                return new ExportSummary(target.target(), ran.summary().rows(), bytes, elapsed, streaming,
                        Exporter.columnSummaries(ran.plan(), List.copyOf(readers.values())), ran.plan().parquetSchema().toString(),
                        ran.summary().note(), ran.summary().ranges() > 1 ? opts.parallel() : 1);
            } finally {
                AtomicFiles.deleteTree(parts);
            }
        }
    }

    /**
     * What the ranges' readers learned for the footer, as one stream would have it: the SRIDs of a
     * geometry column ({@code sluice.srid.<column>}, sorted numbers, as GeometryReader lists them) met
     * by any range; any other key as the first range in key order has it.
     */
    static Map<String, String> footerOf(Collection<Map<String, String>> inKeyOrder) {
        Map<String, String> out = new TreeMap<>();
        Map<String, TreeSet<Long>> srids = new TreeMap<>();
        for (Map<String, String> footer : inKeyOrder) {
            footer.forEach((k, v) -> {
                if (k.startsWith("sluice.srid.")) {
                    for (String srid : v.split(",")) {
                        srids.computeIfAbsent(k, x -> new TreeSet<>()).add(Long.parseLong(srid.strip()));
                    }
                } else {
                    out.putIfAbsent(k, v);
                }
            });
        }
        // at most as many as one stream lists (there the first met, here the smallest: past 64 SRIDs the list is a sample)
        srids.forEach((k, v) -> out.put(k, v.stream().limit(GeometryReader.MAX_TRACKED_SRIDS)
                .map(String::valueOf).collect(Collectors.joining(","))));
        return out;
    }

    public SplitSummary run(Connector connector, ExportRequest req, SplitOptions opts, ExportListener listener, CancelToken cancel)
            throws Exception {
        return runRanges(connector, req, opts, listener, cancel, null).summary();
    }

    /** The summary, and the plan the ranges were read by. */
    private record Ran(SplitSummary summary, ExportPlan plan) {}

    /** @param readers gets each range's reader when the range is complete, or null */
    private Ran runRanges(Connector opener, ExportRequest req, SplitOptions opts, ExportListener listener, CancelToken cancel,
                          Map<Integer, BatchReader> readers) throws Exception {
        long t0 = System.nanoTime();
        if (!(req.source() instanceof Source.Table table)) {
            throw new SluiceException("Split and parallel exports take a table; export a query to one file.");
        }
        // every range's connection in the table's database, for its filter's unqualified names
        Connector connector = () -> {
            Connection c = opener.open();
            try {
                SchemaProbe.enterDatabaseOf(c, table);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return c;
        };
        if (req.limit().isPresent() && (opts.ranges() > 1 || opts.resume())) {
            throw new SluiceException("--limit cannot be combined with --parallel, --chunk or --resume.");
        }
        Path dir = req.target().toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SluiceException("With split options, --out names a folder, and " + dir + " is a file.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SluiceException("The folder " + dir + " cannot be created; choose a folder you can write to.", e);
        }
        ExportPlan plan;
        Optional<ColumnInfo> key;
        RangePlan ranges;
        String note = null;
        try (Connection c = connector.open()) {
            TableSchema schema = new SchemaProbe(c).describe(table);
            plan = ExportPlan.resolve(table, schema, req.columns(), req.overrides());
            key = SplitKey.find(c, table, schema);
            if (key.isPresent() && !plan.names().contains(key.get().name())) {
                // parts only joined into one file are never resumed
                note = "The key column '" + key.get().name() + "' is not among the chosen columns, so the table was read as one stream"
                        + (readers == null ? " and cannot be resumed part by part." : ".");
                key = Optional.empty();
            } else if (key.isEmpty()) {
                note = "The table has no one-column primary key or unique NOT NULL column of integers, decimals or dates to cut it by,"
                        + " so it was read as one stream.";
            }
            if (key.isEmpty() && opts.chunks() > 0) {
                throw new SluiceException(note.replace("so it was read as one stream", "so it cannot be cut into chunks"));
            }
            Manifest existing = ManifestStore.read(dir);
            if (existing != null && existing.source != null && !existing.source.equals(table.footerText())) {
                throw new SluiceException("The folder " + dir + " holds an export of " + existing.source + "; choose another folder.");
            }
            Optional<RangePlan> recorded = existing == null ? Optional.empty() : existing.plan();
            boolean quoted = key.isPresent() && key.get().type().family().isTemporalWithDate();
            if (key.isPresent() && recorded.isPresent() && recorded.get().key() != null && recorded.get().key().equals(key.get().name())) {
                // chunks and resumes use the cut the first run made
                ranges = new RangePlan(recorded.get().key(), quoted, recorded.get().boundaries());
                if (opts.chunks() > 0 && ranges.ranges() != opts.chunks() && !(ranges.ranges() == 1 && existing.parts.isEmpty())) {
                    throw new SluiceException("The folder " + dir + " was cut into " + ranges.ranges() + " ranges; run its chunks as i/"
                            + ranges.ranges() + ".");
                }
            } else if (key.isPresent() && opts.ranges() > 1) {
                ranges = SplitKey.plan(c, table, key.get(), opts.ranges());
            } else {
                ranges = new RangePlan(key.map(ColumnInfo::name).orElse(null), quoted, List.of());
            }
            if (note != null) {
                log.info("{}: {}", table.describe(), note);
            }
        }
        boolean ranged = ranges.ranges() > 1 || opts.chunks() > 0;
        List<Integer> mine = new ArrayList<>();
        if (opts.chunks() > 0) {
            if (opts.chunk() <= ranges.ranges()) {
                mine.add(opts.chunk() - 1); // an empty table has one range: the other chunks have nothing to do
            }
        } else {
            for (int i = 0; i < ranges.ranges(); i++) {
                mine.add(i);
            }
        }
        Prepared prepared = prepare(dir, table, plan, key, ranges, mine, opts, ranged, req.where().orElse(null));
        List<Work> work = prepared.work();
        int kept = prepared.kept();
        // the rows to expect, as a one-connection export of the table shows them (a percentage, an ETA, the
        // queue's bar); unknown under a filter, for one chunk, and for a resume (some rows are in kept parts)
        long expected = req.where().isPresent() || opts.chunks() > 0 || kept > 0 ? -1 : plan.schema().table().rowEstimate();

        // the rest, range by range, as many at once as there are connections
        WriterOptions options = req.writerOptions();
        int atOnce = Math.max(1, Math.min(opts.parallel(), work.size()));
        if (atOnce > 1) {
            // each range read at once holds a row group in the heap: share the budget
            options = options.withRowGroupBytes(Math.max(1L << 16, options.rowGroupBytes() / atOnce));
        }
        Map<String, String> meta = Map.of("sluice.source", table.footerText(), "sluice.version", Version.current());
        AtomicLong rowsRead = new AtomicLong();
        java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong> rangeRows = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger parts = new AtomicInteger();
        CancelToken stop = new CancelToken(); // a failure in one range stops the others
        AutoCloseable relay = cancel.onCancel(stop::cancel);
        int keyColumn = key.map(k -> plan.names().indexOf(k.name())).orElse(-1);
        // ranges read at once start from one snapshot, so that together they are one instant of the table; not
        // when more ranges are left than connections (a resume of a finer cut): later ones would wait idle in
        // their transaction for a free connection
        SharedSnapshot snapshot;
        try {
            snapshot = opts.parallel() > 1 && work.size() > 1 && work.size() <= opts.parallel()
                    ? SharedSnapshot.open(connector, table, work.size()) : SharedSnapshot.NONE;
        } catch (SQLException | RuntimeException e) {
            relay.close();
            throw e;
        }
        String rangesNote = note != null ? note : snapshot.note();
        ExecutorService pool = Executors.newFixedThreadPool(atOnce, r -> {
            Thread t = new Thread(r, "sluice-range");
            t.setDaemon(true);
            return t;
        });
        WriterOptions rangeOptions = options;
        RangePlan cut = ranges;
        Optional<ColumnInfo> splitKey = key;
        try {
            List<Future<?>> running = new ArrayList<>();
            long[] lastProgress = {0};
            for (Work w : work) {
                running.add(pool.submit(() -> {
                    try {
                        // the window's sample comes from the first range's first batches, on its reading thread
                        int sampleBudget = w == work.get(0) ? req.sampleRows() : 0;
                        BatchReader read = exportRange(() -> snapshot.take(connector), plan, req, cut, splitKey, w, dir, ranged, rangeOptions, meta, opts,
                                keyColumn, readers == null, stop, sampleBudget, listener::sample, p -> {
                            parts.incrementAndGet();
                            bytes.addAndGet(p.bytes);
                            ManifestStore.update(dir, m -> m.parts.add(p));
                        }, n -> {
                            long total = rowsRead.addAndGet(n);
                            listener.rangeProgress(w.range(), rangeRows.computeIfAbsent(w.range(), r -> new AtomicLong()).addAndGet(n));
                            long now = System.nanoTime();
                            synchronized (lastProgress) {
                                if (now - lastProgress[0] >= PROGRESS_EVERY_NANOS) {
                                    lastProgress[0] = now;
                                    listener.progress(new ExportProgress(total, total, bytes.get(), Duration.ofNanos(now - t0), expected));
                                }
                            }
                        });
                        if (readers != null) {
                            readers.put(w.range(), read);
                        }
                    } catch (Exception | Error e) {
                        stop.cancel(); // one range failing stops the others at once
                        throw e;
                    }
                    ManifestStore.update(dir, m -> m.completeRanges.add(w.range()));
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    stop.cancel(); // the ranges' queries, not only this wait
                    throw e;
                } catch (java.util.concurrent.ExecutionException e) {
                    stop.cancel();
                    Throwable cause = e.getCause();
                    if (first == null || first instanceof CancelledException) {
                        first = cause instanceof Exception ex ? ex : new IllegalStateException(cause);
                    }
                }
            }
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
            relay.close();
            snapshot.close();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        listener.progress(new ExportProgress(rowsRead.get(), rowsRead.get(), bytes.get(), elapsed, rowsRead.get()));
        log.info("exported {} rows of {} to {} in {} parts, {} ms", rowsRead.get(), table.describe(), dir, parts.get(),
                elapsed.toMillis());
        return new Ran(new SplitSummary(dir, rowsRead.get(), parts.get(), bytes.get(), elapsed, ranges.ranges(),
                key.map(ColumnInfo::name).orElse(null), kept, opts.ranges() > 1 || opts.resume() ? rangesNote : null), plan);
    }

    private record Prepared(List<Work> work, int kept) {}

    /**
     * Checks what the folder already holds for my ranges: refuses without --resume; with it, keeps
     * the parts whose size and checksum still match, drops the rest and stale temp files, and says
     * where each range goes on.
     */
    private Prepared prepare(Path dir, Source.Table table, ExportPlan plan, Optional<ColumnInfo> key, RangePlan ranges,
                             List<Integer> mine, SplitOptions opts, boolean ranged, String filter) throws IOException {
        boolean resume = opts.resume();
        Manifest existing = ManifestStore.read(dir);
        List<String> mapping = mapping(plan);
        boolean mineStarted = existing != null && (existing.parts.stream().anyMatch(p -> mine.contains(p.range))
                || existing.completeRanges.stream().anyMatch(mine::contains));
        if (mineStarted && !resume) {
            boolean complete = mine.stream().allMatch(existing.completeRanges::contains);
            throw new SluiceException(complete
                    ? "The folder " + dir + " already holds a complete export of " + table.footerText()
                    + "; choose an empty folder to export it again."
                    : "The folder " + dir + " holds parts of an earlier export of " + table.footerText()
                    + "; add --resume to continue it, or choose an empty folder.");
        }
        // parts of one folder are one table read one way: a resume or another chunk may not change it
        boolean anyParts = existing != null && !existing.parts.isEmpty();
        if (anyParts && existing.mapping != null && !existing.mapping.isEmpty() && !existing.mapping.equals(mapping)) {
            throw new SluiceException("The folder " + dir + " holds parts with other columns or mappings; give the same --columns and"
                    + " --map as the export that started it, or choose an empty folder.");
        }
        if (anyParts && !java.util.Objects.equals(existing.filter, filter)) {
            throw new SluiceException("The folder " + dir + " holds parts read with another --where; give the same filter, or choose an"
                    + " empty folder.");
        }
        if (anyParts && existing.maxRowsPerFile != null
                && (existing.maxRowsPerFile != opts.maxRowsPerFile() || !java.util.Objects.equals(existing.maxFileBytes, opts.maxFileBytes()))) {
            throw new SluiceException("The folder " + dir + " holds parts cut " + cut(existing.maxRowsPerFile, existing.maxFileBytes)
                    + "; give the same --max-rows-per-file and --max-file-size to continue it, or choose an empty folder.");
        }
        if (anyParts && existing.key != null && key.isPresent() && !existing.key.equals(key.get().name())) {
            throw new SluiceException("The folder " + dir + " was cut on another key; choose an empty folder.");
        }
        List<Work> work = new ArrayList<>();
        List<Manifest.Part> dropped = new ArrayList<>();
        int kept = 0;
        for (int r : mine) {
            if (existing == null) {
                work.add(new Work(r, null, 0));
                continue;
            }
            if (existing.completeRanges.contains(r) && allIntact(dir, existing.partsOf(r))) {
                kept += existing.partsOf(r).size();
                continue;
            }
            List<Manifest.Part> good = new ArrayList<>();
            for (Manifest.Part p : existing.partsOf(r)) {
                if (good.size() == p.seq && intact(dir, p) && key.isPresent() && p.keyTo != null) {
                    good.add(p);
                } else {
                    dropped.add(p);
                }
            }
            kept += good.size();
            String after = good.isEmpty() ? null : good.get(good.size() - 1).keyTo;
            work.add(new Work(r, after, good.size()));
        }
        // stale temp files of a crashed run of my ranges (other chunks may be writing theirs right now),
        // and parts that cannot be trusted
        if (resume) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            if (existing != null) {
                existing.parts.stream().filter(p -> !dropped.contains(p)).forEach(p -> listed.add(p.file));
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> isMine(p.getFileName().toString(), ranged, mine) && !listed.contains(p.getFileName().toString()))
                        .toList()) {
                    Files.deleteIfExists(f); // a temp part of a crashed run, or a part finished but never entered
                }
            }
        }
        for (Manifest.Part p : dropped) {
            Files.deleteIfExists(dir.resolve(p.file));
        }
        ManifestStore.update(dir, m -> {
            m.source = table.footerText();
            m.key = ranges.key();
            m.keyQuoted = ranges.quoted();
            m.boundaries = ranges.boundaries();
            if (m.boundaries != null && m.key != null && m.key.equals(ranges.key()) && !m.boundaries.equals(ranges.boundaries())) {
                // another chunk recorded its cut between our read and now
                throw new SluiceException("Another chunk of this export cut the table at the same moment; run this chunk again.");
            }
            m.mapping = mapping;
            m.filter = filter;
            m.maxRowsPerFile = opts.maxRowsPerFile();
            m.maxFileBytes = opts.maxFileBytes();
            m.parts.removeIf(p -> dropped.stream().anyMatch(d -> d.file.equals(p.file)));
            m.completeRanges.removeIf(r -> work.stream().anyMatch(w -> w.range() == r));
        });
        return new Prepared(work, kept);
    }

    /** How parts were cut, for a sentence: "at 100,000 rows", "at about 256.0 MiB", both, or "by ranges only". */
    private static String cut(Long rows, Long bytes) {
        long r = rows == null ? 0 : rows;
        long b = bytes == null ? 0 : bytes;
        if (r == 0 && b == 0) {
            return "by key ranges only, with no file limit";
        }
        String byRows = r > 0 ? String.format(java.util.Locale.ROOT, "at %,d rows", r) : "";
        String byBytes = b > 0 ? "at about " + io.sluice.core.export.Units.bytes(b) : "";
        return byRows.isEmpty() ? byBytes : byBytes.isEmpty() ? byRows : byRows + " or " + byBytes;
    }

    /** A part file (or its temp file) of my ranges. */
    private static boolean isMine(String name, boolean ranged, List<Integer> mine) {
        if (!name.startsWith("part-")) {
            return false;
        }
        if (!ranged) {
            return true;
        }
        return mine.stream().anyMatch(r -> name.startsWith(String.format(java.util.Locale.ROOT, "part-%05d-", r)));
    }

    private static List<String> mapping(ExportPlan plan) {
        return plan.columns().stream().map(p -> p.column().name() + ": " + p.column().type().columnType() + " -> "
                + p.mapping().arrowDisplay() + " -> " + p.mapping().parquetDisplay()).toList();
    }

    private static boolean allIntact(Path dir, List<Manifest.Part> parts) throws IOException {
        for (Manifest.Part p : parts) {
            if (!intact(dir, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean intact(Path dir, Manifest.Part p) throws IOException {
        Path f = dir.resolve(p.file);
        return Files.isRegularFile(f) && Files.size(f) == p.bytes && PartSink.sha256(f).equals(p.sha256);
    }

    @FunctionalInterface
    private interface PartDone {
        void accept(Manifest.Part p) throws IOException;
    }

    @FunctionalInterface
    private interface RowsRead {
        void add(long rows);
    }

    /** Reads one range into its parts; its reader, whose counts and footer notes are then complete. */
    private BatchReader exportRange(Connector connector, ExportPlan plan, ExportRequest req, RangePlan ranges, Optional<ColumnInfo> key,
                             Work w, Path dir, boolean ranged, WriterOptions options, Map<String, String> meta, SplitOptions opts,
                             int keyColumn, boolean checksums, CancelToken stop, int sampleBudget,
                             java.util.function.Consumer<List<List<String>>> samples, PartDone onPart, RowsRead onRows) throws Exception {
        if (stop.isCancelled()) {
            throw new CancelledException();
        }
        String rangeWhere = key.isPresent() ? ranges.predicate(w.range(), w.after()) : null;
        String where = req.where().map(u -> rangeWhere == null ? u : "(\n" + u + "\n)\nAND " + rangeWhere).orElse(rangeWhere);
        String sql = plan.selectSql(where, req.limit().isPresent() ? req.limit().getAsLong() : null,
                key.map(ColumnInfo::name).orElse(null));
        boolean completed = false;
        List<ColumnReader<?>> readers = plan.newReaders();
        Connection conn = connector.open();
        AtomicReference<Statement> running = new AtomicReference<>();
        Statement st = null;
        try (AutoCloseable killer = stop.onCancel(() -> QueryStop.stopStreaming(running::get, conn))) {
            st = StreamingQuery.open(conn, sql, readers);
            running.set(st);
            log.debug("range {} query ({} protocol): {}", w.range(), StreamingQuery.binary(st) ? "binary" : "text", sql);
            ResultSet rs = StreamingQuery.execute(st, sql);
            StreamingQuery.checkExecuted(rs, readers);
            BatchReader reader = new BatchReader(RowSource.of(rs), readers, req.batchRows(), req.batchBytes(),
                    stop::isCancelled);
            PartSink sink = new PartSink(dir, w.range(), ranged, w.firstSeq(), plan.arrowSchema(), plan.parquetColumns(), options,
                    meta, opts.maxRowsPerFile(), opts.maxFileBytes(), keyColumn, checksums, p -> {
                        try {
                            onPart.accept(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            int[] sampled = {0};
            try (ExportPipeline pipeline = new ExportPipeline(plan.arrowSchema(), allocator, root -> {
                int n = reader.fill(root);
                onRows.add(n);
                int k = Math.min(Math.min(Exporter.samplePerBatch(sampleBudget), sampleBudget - sampled[0]), n);
                if (k > 0) { // before the batch goes to the writer, which then owns it
                    sampled[0] += k;
                    samples.accept(ValueFormatter.rows(root, 0, k));
                }
                return n;
            }, sink, new ExportPipeline.Listener() {})) {
                pipeline.run();
            }
            rs.close();
            completed = true;
            return reader;
        } catch (Exception e) {
            if (stop.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException();
            }
            throw e;
        } finally {
            if (completed) {
                st.close();
                conn.close();
            } else {
                QueryStop.abort(conn);
            }
        }
    }
}
