package io.sluice.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small files replaced whole: written beside their name, flushed, then moved into place. Never half a
 * file. And the temp trees such work leaves (a private server's data, a join's parts) deleted.
 */
public final class AtomicFiles {
    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {}

    /**
     * Whether a file can be made in {@code folder}, tried for real (and removed at once):
     * {@code Files.isWritable} says yes to /proc for root.
     */
    public static boolean canCreateFileIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".sluice-probe-", ".tmp"));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes {@code dir} and all it holds, if it is there; what cannot be deleted is logged and left. */
    public static void deleteTree(Path dir) {
        // again when an entry vanished or appeared under the walk (a process still closing its files)
        for (int attempt = 1; attempt <= 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) { // the walk throws the latter when an entry vanishes under it
                if (attempt == 3) {
                    log.warn("could not delete {}", dir, e);
                }
            }
        }
    }

    /** Writes {@code target} through {@code write}, which fills the temp file it is given. */
    public static void replace(Path target, Writer write) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".sluice-tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        try {
            write.to(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    public interface Writer {
        void to(Path temp) throws IOException;
    }
}
