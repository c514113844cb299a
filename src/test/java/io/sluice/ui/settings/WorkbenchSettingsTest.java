package io.sluice.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aChangeIsSeenAtOnceAndWrittenOnTheSettingsThread() throws Exception {
        Path file = dir.resolve("workbench.json");
        WorkbenchSettings settings = new WorkbenchSettings(file);
        List<String> threads = new CopyOnWriteArrayList<>();
        settings.update(d -> {
            threads.add(Thread.currentThread().getName());
            d.theme = "DARK";
        });
        assertEquals("DARK", settings.get().theme, "the window sees its change before the write");
        settings.flush();
        assertTrue(Files.readString(file).contains("\"theme\" : \"DARK\""), Files.readString(file));
        assertEquals(List.of(Thread.currentThread().getName(), "sluice-settings"), threads,
                "the file is written off the calling (FX) thread");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("sluice-tmp")), "no temp file left");
        }
    }

    @Test
    void twoWindowsOverOneFileKeepEachOthersChanges() throws Exception {
        Path file = dir.resolve("workbench.json");
        WorkbenchSettings one = new WorkbenchSettings(file);
        WorkbenchSettings two = new WorkbenchSettings(file);
        one.update(d -> d.theme = "DARK");
        two.update(d -> d.targetFolder = "/data/out");
        one.update(d -> d.table = "orders");
        WorkbenchSettings reopened = new WorkbenchSettings(file); // waits for the queued writes
        assertEquals("DARK", reopened.get().theme);
        assertEquals("/data/out", reopened.get().targetFolder);
        assertEquals("orders", reopened.get().table);
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsForgottenQuietly() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        WorkbenchSettings settings = new WorkbenchSettings(blocker.resolve("workbench.json"));
        settings.update(d -> d.theme = "DARK");
        settings.flush();
        assertEquals("DARK", settings.get().theme, "the window works on");
        assertFalse(Files.exists(blocker.resolve("workbench.json")));
        assertEquals("x", Files.readString(blocker));
    }
}
