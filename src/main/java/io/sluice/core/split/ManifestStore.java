package io.sluice.core.split;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.core.AtomicFiles;
import io.sluice.core.error.SluiceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Reads and changes a folder's manifest. Chunks running at once in other processes share it, so
 * every change holds a file lock ({@code _sluice_manifest.lock}; a file lock belongs to the
 * process, so threads of one process also take a lock of their own), reads the manifest again,
 * changes it and moves the new one into place: never half a file, never a lost entry.
 */
final class ManifestStore {
    static final String FILE = "_sluice_manifest.json";
    static final String LOCK = "_sluice_manifest.lock";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private ManifestStore() {}

    /** The folder's manifest, or null when it has none. */
    static Manifest read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new SluiceException("The manifest in " + dir + " cannot be read; move it away to start over.", e);
        }
    }

    static Manifest update(Path dir, Consumer<Manifest> change) throws IOException {
        IN_PROCESS.lock();
        try (FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            // under the lock no other writer is between write and move: any temp manifest is a crashed one's
            try (java.util.stream.Stream<Path> stale = Files.list(dir)) {
                for (Path f : stale.filter(p -> p.getFileName().toString().startsWith(FILE + ".sluice-tmp-")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Manifest m = read(dir);
            if (m == null) {
                m = new Manifest();
            }
            change.accept(m);
            Manifest changed = m;
            AtomicFiles.replace(dir.resolve(FILE), tmp -> JSON.writeValue(tmp.toFile(), changed));
            return m;
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
