package io.sluice.core.export;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
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
     * The lock files this process holds, by their folder's real path: a look at one of them from this
     * process must not open it, since closing that channel would drop this process's lock (the rule
     * above), however the folder was spelled (a link, {@code ./}).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path file;
    private final Path key;
    private final FileChannel channel;

    private WriterLock(Path file, Path key, FileChannel channel) {
        this.file = file;
        this.key = key;
        this.channel = channel;
    }

    /**
     * Creates {@code file} and locks it; empty where the file system has no locks (nothing is then said
     * to be alive or not, and the export goes on).
     */
    static Optional<WriterLock> take(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path key = key(abs);
        FileChannel channel = FileChannel.open(abs, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(); // a file just made: nobody else holds it, and a lock daemon that hangs cannot hold us
        } catch (ClosedChannelException e) { // interrupted: the export is being stopped
            discard(channel, abs);
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            lock = null;
        }
        if (lock == null || !HELD.add(key)) {
            discard(channel, abs);
            return Optional.empty();
        }
        return Optional.of(new WriterLock(abs, key, channel));
    }

    private static void discard(FileChannel channel, Path file) {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an empty file nobody holds: the next sweep of its target takes it
        }
    }

    /**
     * The lock of a writer that is gone: {@code file}'s lock, taken here (shared, so that a file another
     * user made can be judged too), so that the caller may delete what that writer left and then
     * {@link #release} this. Empty while a live process holds it, and when that cannot be told (no such
     * file, a link, a file system without locks, this process's own).
     */
    static Optional<WriterLock> ofAnEndedWriter(Path file) {
        Path abs = file.toAbsolutePath();
        Path key;
        try {
            key = key(abs);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (HELD.contains(key) || !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(abs, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null && HELD.add(key)) {
                return Optional.of(new WriterLock(abs, key, ch));
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

    /** The lock file by its folder's real path and its name. */
    private static Path key(Path abs) throws IOException {
        return abs.getParent().toRealPath().resolve(abs.getFileName().toString());
    }

    /** Gives the lock up and deletes its file. */
    @Override
    public void close() throws IOException {
        release(true);
    }

    /**
     * Gives the lock up; deletes its file if {@code deleteFile}. A sweep keeps the file when what it
     * guards could not all be deleted, so that a later sweep can try again.
     */
    void release(boolean deleteFile) throws IOException {
        try {
            if (deleteFile) {
                Files.deleteIfExists(file); // first: nobody may take a lock on it after ours is given up
            }
        } finally {
            try {
                channel.close(); // gives the lock up
            } finally {
                HELD.remove(key);
            }
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
