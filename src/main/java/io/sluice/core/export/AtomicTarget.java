package io.sluice.core.export;

import io.sluice.core.AtomicFiles;
import io.sluice.core.error.SluiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target is written as a temp file beside it and moved into place only on success, so the
 * target is always either the old file or the complete new one, and no temp file stays behind.
 *
 * <p>A process killed outright (kill -9, the out-of-memory killer, a power cut) cannot delete its temp
 * file, and an export's temp file can be as large as the table. So each writer holds a lock on an empty
 * file beside its temp file ({@link WriterLock}), and the next export to the same target removes the
 * temp files (and a parallel export's folder of ranges) whose lock no live process holds. The temp
 * file's name carries its process's id, which tells people, not the sweep, whose it was.
 */
public final class AtomicTarget implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AtomicTarget.class);
    /** Part of every temp file's name: the target's name, this, and a random suffix. */
    public static final String TEMP_MARK = ".sluice-tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * What follows the target's name in a temp file's: the mark, the process id and a random part (the
     * stem), then nothing, or "-ranges" for a parallel export's folder, or ".lock" for its writer's lock.
     */
    private static final Pattern LEFT_SUFFIX = Pattern.compile(Pattern.quote(TEMP_MARK) + "(\\d{1,18}-[0-9a-f]{12})(-ranges|\\.lock)?");
    private static final String LOCK_SUFFIX = ".lock";
    /**
     * Extensions of the formats people export to instead, by the name of the format: a file named
     * so would hold Parquet that no tool opening it by its name could read.
     */
    private static final Map<String, String> OTHER_FORMATS = Map.ofEntries(Map.entry("csv", "CSV"), Map.entry("tsv", "TSV"),
            Map.entry("txt", "text"), Map.entry("json", "JSON"), Map.entry("jsonl", "JSON Lines"), Map.entry("ndjson", "JSON Lines"),
            Map.entry("xlsx", "Excel"), Map.entry("xls", "Excel"), Map.entry("arrow", "Arrow IPC"), Map.entry("feather", "Feather"),
            Map.entry("avro", "Avro"), Map.entry("orc", "ORC"), Map.entry("sql", "SQL"));

    private final Path target;
    private final Path temp;
    private final Optional<WriterLock> lock;
    private boolean committed;

    private AtomicTarget(Path target, Path temp, Optional<WriterLock> lock) {
        this.target = target;
        this.temp = temp;
        this.lock = lock;
    }

    /**
     * Creates the (empty) temp file at once, so an unwritable folder fails before any query runs, and
     * removes what killed exports to the same target left.
     */
    public static AtomicTarget begin(Path target) throws IOException {
        return begin(target, true);
    }

    /**
     * As {@link #begin(Path)}; {@code guarded} false for a part of a split export, whose folder the
     * split keeps itself (a resume removes what a crashed run left there): no lock, no look around.
     */
    public static AtomicTarget begin(Path target, boolean guarded) throws IOException {
        checkNamedAsParquet(target);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && Files.isRegularFile(dir)) {
            throw new SluiceException(dir + " is a file, not a folder; name a file in a folder.");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new SluiceException("The folder " + dir + " does not exist.");
        }
        if (Files.isDirectory(abs)) {
            throw new SluiceException("The target " + abs + " is a folder; name a file.");
        }
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        Path temp = dir.resolve(abs.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(r));
        Optional<WriterLock> lock = Optional.empty();
        if (guarded) {
            removeLeftovers(dir, abs.getFileName().toString());
            lock = WriterLock.take(temp.resolveSibling(temp.getFileName() + LOCK_SUFFIX)); // before the temp file: never one unguarded
        }
        try {
            Files.createFile(temp);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw e;
        }
        return new AtomicTarget(abs, temp, lock);
    }

    /**
     * Removes what exports to {@code name} in {@code dir} left when their process was killed: temp files
     * and folders of ranges whose writer's lock no live process holds. Where that cannot be told (no
     * lock file, a file system without locks) nothing is removed. Best effort: what cannot be listed or
     * deleted is logged, and the export goes on.
     */
    static void removeLeftovers(Path dir, String name) {
        Map<String, List<Path>> byStem = new TreeMap<>(); // what each writer left, its lock file not counted
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                String file = f.getFileName().toString();
                Matcher m = file.startsWith(name) ? LEFT_SUFFIX.matcher(file.substring(name.length())) : null;
                if (m != null && m.matches()) {
                    List<Path> left = byStem.computeIfAbsent(name + TEMP_MARK + m.group(1), k -> new ArrayList<>());
                    if (!LOCK_SUFFIX.equals(m.group(2))) {
                        left.add(f);
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            log.debug("could not look for temp files left in {}", dir, e);
            return;
        }
        byStem.forEach((stem, left) -> {
            Optional<WriterLock> ended = WriterLock.ofAnEndedWriter(dir.resolve(stem + LOCK_SUFFIX));
            if (ended.isEmpty()) {
                return; // its writer is alive, or nobody can tell (no lock file: an older Sluice's, no locks here)
            }
            boolean allGone = true;
            for (Path f : left) {
                allGone &= delete(f);
            }
            try {
                ended.get().release(allGone); // what could not be deleted keeps its lock file, for a later sweep
            } catch (IOException e) {
                log.warn("could not delete the lock file {}", ended.get(), e);
            }
        });
    }

    /** Deletes a file or folder a killed export left; whether it is gone. */
    private static boolean delete(Path f) {
        Exception failure = null;
        try {
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(f);
            } else {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        boolean gone = !Files.exists(f, LinkOption.NOFOLLOW_LINKS);
        if (gone) {
            log.info("removed {}, left by an export whose process ended", f);
        } else {
            log.warn("could not delete {}, left by an export whose process ended", f, failure);
        }
        return gone;
    }

    private static void release(Optional<WriterLock> lock) {
        lock.ifPresent(l -> {
            try {
                l.close();
            } catch (IOException e) {
                log.warn("could not give up the lock {}", l, e);
            }
        });
    }

    /**
     * Refuses a target named as a file of another format ({@code report.csv}): Sluice writes only
     * Parquet. Any other name is taken as it is ({@code .parquet}, {@code .pq}, none at all).
     */
    public static void checkNamedAsParquet(Path target) {
        Path name = target.getFileName();
        String file = name == null ? "" : name.toString();
        int dot = file.lastIndexOf('.');
        String format = dot <= 0 ? null : OTHER_FORMATS.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (format != null) {
            throw new SluiceException("Sluice writes Parquet, not " + format + ": name the file " + file.substring(0, dot)
                    + ".parquet rather than " + file + ".");
        }
    }

    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Flushes the temp file to disk and moves it onto the target in one step. */
    public void commit() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        release(lock); // after the move: until then the lock says the temp file is being written
        syncDirectory(target.getParent());
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("could not delete the temp file {}", temp, e);
            }
            release(lock);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can fsync a directory; the rename is done either way
        }
    }
}
