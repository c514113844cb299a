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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * file, and an export's temp file can be as large as the table. Its name carries the writing process's
 * id, so the next export to the same target removes the temp files (and a parallel export's folder of
 * ranges) of processes that are no longer running. A running process's are left alone, whoever it is.
 */
public final class AtomicTarget implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AtomicTarget.class);
    /** Part of every temp file's name: the target's name, this, and a random suffix. */
    public static final String TEMP_MARK = ".sluice-tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What follows the target's name in a temp file's: the mark, the process id, a random part; a folder of ranges ends so. */
    private static final Pattern TEMP_SUFFIX = Pattern.compile(Pattern.quote(TEMP_MARK) + "(\\d{1,18})-[0-9a-f]{12}(-ranges)?");
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
    private boolean committed;

    private AtomicTarget(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the (empty) temp file at once, so an unwritable folder fails before any query runs. */
    public static AtomicTarget begin(Path target) throws IOException {
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
        removeLeftovers(dir, abs.getFileName().toString());
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        Path temp = dir.resolve(abs.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(r));
        Files.createFile(temp);
        return new AtomicTarget(abs, temp);
    }

    /**
     * Removes what exports to {@code name} in {@code dir} left when their process was killed: temp files
     * and folders of ranges whose process is not running. Best effort: what cannot be listed or deleted is
     * logged, and the export goes on.
     */
    static void removeLeftovers(Path dir, String name) {
        List<Path> left;
        try (Stream<Path> files = Files.list(dir)) {
            left = files.filter(f -> leftByAnEndedProcess(f.getFileName().toString(), name)).toList();
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not look for temp files left in {}", dir, e);
            return;
        }
        for (Path f : left) {
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(f);
            } else {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    log.warn("could not delete {}, left by an export whose process ended", f, e);
                    continue;
                }
            }
            log.info("removed {}, left by an export whose process ended", f);
        }
    }

    private static boolean leftByAnEndedProcess(String file, String name) {
        if (!file.startsWith(name)) {
            return false;
        }
        Matcher m = TEMP_SUFFIX.matcher(file.substring(name.length()));
        if (!m.matches()) {
            return false; // another file, or a temp file without a process id (written before there was one)
        }
        long pid = Long.parseLong(m.group(1));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
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
