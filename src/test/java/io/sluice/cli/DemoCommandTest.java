package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Leaks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What {@code sluice demo} says when it stops. Removing its data is best effort; a folder that could
 * not be removed is named, not called gone (DemoCommandIT stops a real demo, whose data does go).
 */
class DemoCommandTest {
    @Test
    void theDataIsCalledGoneOnlyWhenItIsAndAFolderLeftIsNamed() {
        assertEquals("The demo database has stopped, and its data is gone.", DemoCommand.stopped(true, Path.of("/x/demo-1")));
        String left = DemoCommand.stopped(false, Path.of("/home/ann/.sluice/demo-4242"));
        Leaks.assertPlainSentence(left);
        assertTrue(left.contains("could not all be removed from /home/ann/.sluice/demo-4242"), left);
    }
}
