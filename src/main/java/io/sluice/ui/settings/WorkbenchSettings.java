package io.sluice.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between runs, in {@code workbench.json} beside the recent connections:
 * the last connection (its redacted DSN and TLS settings, never a password), the last table or
 * query, the target folder, the theme, and per table the export choices. Unreadable or missing
 * settings are an empty start, never an error.
 */
public final class WorkbenchSettings {
    private static final Logger log = LoggerFactory.getLogger(WorkbenchSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's content; public fields so Jackson reads and writes it as it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Data {
        public int version = 1;
        public String dsn;
        public String tlsMode;
        public String caFile;
        /** "table" or "query". */
        public String sourceKind;
        public String database;
        public String table;
        public String query;
        public String targetFolder;
        public String theme;
        public Map<String, Choices> choices = new LinkedHashMap<>();
    }

    /** A table's (or the query's) export choices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Choices {
        /** Columns left out (new columns are in by default). */
        public List<String> excluded = new ArrayList<>();
        public Map<String, String> overrides = new LinkedHashMap<>();
        public String where;
        public String limit;
        public String compression;
    }

    /**
     * Writes happen here, in order, one at a time for the whole process: an update is called on the FX
     * thread, and a flushed write took tens of milliseconds there on a busy disk (the Start of an export
     * saves the choices, just as the export's threads take both cores).
     */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-settings");
        t.setDaemon(true); // flush() on close waits for what is queued; on a kill, the hook below
        return t;
    });

    static {
        // a window ended by a signal (a logout, kill, the first JVM of java -jar ending) keeps what is queued
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WRITER.shutdown();
            try {
                WRITER.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-settings-flush"));
    }

    private final Path file;
    private final Data data; // this window's view; only the file merges other windows' changes

    public WorkbenchSettings(Path file) {
        this.file = file;
        flush(); // another window's queued write first, or it would not be read here
        this.data = load(file);
    }

    private static Data load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Data();
        }
        try {
            return JSON.readValue(file.toFile(), Data.class);
        } catch (IOException e) {
            log.warn("{} is unreadable; starting from defaults", file, e);
            return new Data();
        }
    }

    public Data get() {
        return data;
    }

    /**
     * Changes the settings now, and writes them soon on the settings thread (temp file, then a move:
     * never half a file). The file is read again before the write, so another window's changes since
     * are kept. Called on the FX thread only, like every ViewModel method.
     */
    public void update(Consumer<Data> change) {
        change.accept(data);
        try {
            WRITER.execute(() -> write(change));
        } catch (RejectedExecutionException ending) {
            // the JVM is shutting down: the change stays in memory
        }
    }


    /** On the settings thread: the file as it is now, with the change. */
    private void write(Consumer<Data> change) {
        Data merged = load(file);
        change.accept(merged);
        try {
            AtomicFiles.replace(file, tmp -> JSON.writeValue(tmp.toFile(), merged));
        } catch (IOException e) {
            log.warn("cannot save {}", file, e); // the window works on; it just forgets
        }
    }

    /** Waits until every update so far is on disk (on close, and before a file is read). */
    public void flush() {
        try {
            WRITER.submit(() -> { }).get();
        } catch (RejectedExecutionException ending) {
            // the JVM is shutting down; its hook waits for the queued writes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // an empty task does not throw
        }
    }
}
