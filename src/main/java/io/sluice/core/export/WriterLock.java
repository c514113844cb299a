package io.sluice.core.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says that the writer of a temp file is alive: an exclusive lock on an empty file beside it
 * ({@code <temp>.lock}), taken before the temp file exists and given up once it is moved into place or
 * deleted. The operating system drops a lock when its process ends, however it ends, and it does so
 * for every process that shares the folder, whatever they see of each other's process ids (another
 * machine over NFS, another container). A lock on the temp file itself would not do: on Linux a
 * process loses its locks on a file when it closes any channel to it, and the writer closes its own
 * before the commit.
 */
final class WriterLock implements AutoCloseable {
    /**
     * The lock files this process holds. A look at one of them from this process must not open it:
     * closing that channel would drop this process's lock (the same rule as above).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path file;
    private final FileChannel channel;

    private WriterLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates {@code file} and locks it; empty where the file system has no locks (nothing is then said to be alive or not). */
    static Optional<WriterLock> take(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        FileChannel channel = FileChannel.open(abs, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | UnsupportedOperationException e) {
            channel.close();
            Files.deleteIfExists(abs);
            return Optional.empty();
        }
        HELD.add(abs);
        return Optional.of(new WriterLock(abs, channel));
    }

    /**
     * The lock of a writer that is gone: {@code file}'s lock, taken here, so that the caller may delete
     * what that writer left and then {@link #close} this. Empty while a live process holds it, and when
     * that cannot be told (no such file, a link, a file system without locks, this process's own).
     */
    static Optional<WriterLock> ofAnEndedWriter(Path file) {
        Path abs = file.toAbsolutePath();
        if (HELD.contains(abs) || !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(abs, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = ch.tryLock();
            if (lock != null && HELD.add(abs)) {
                return Optional.of(new WriterLock(abs, ch));
            }
        } catch (IOException | UnsupportedOperationException | OverlappingFileLockException e) {
            // held in this process, or no locks here: not ours to judge
        }
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            // nothing was taken
        }
        return Optional.empty();
    }

    /** Gives the lock up and deletes its file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the lock
        } finally {
            HELD.remove(file);
            Files.deleteIfExists(file);
        }
    }
}
