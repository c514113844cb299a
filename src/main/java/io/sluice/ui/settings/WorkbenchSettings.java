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

    private final Path file;
    private Data data;

    public WorkbenchSettings(Path file) {
        this.file = file;
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
     * Changes the settings and writes them at once (temp file, then a move: never half a file). The
     * file is read again first, so another window's changes since are kept.
     */
    public synchronized void update(Consumer<Data> change) {
        data = load(file);
        change.accept(data);
        try {
            Data written = data;
            AtomicFiles.replace(file, tmp -> JSON.writeValue(tmp.toFile(), written));
        } catch (IOException e) {
            log.warn("cannot save {}", file, e); // the window works on; it just forgets
        }
    }
}
