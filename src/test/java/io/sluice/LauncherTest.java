package io.sluice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The root's options before the sub-command do not cost the command its tuned JVM and warm-up. */
class LauncherTest {
    @Test
    void theCommandIsFoundAfterTheRootsOptions() {
        assertTrue(Launcher.reachesTheDatabase(new String[] {"--verbose", "export", "--dsn", "x"}));
        assertTrue(TunedJvm.writesParquet(new String[] {"--verbose", "export", "--dsn", "x"}));
        assertFalse(TunedJvm.writesParquet(new String[] {"--verbose", "probe", "--dsn", "x"}));
        assertFalse(Launcher.reachesTheDatabase(new String[] {"--verbose"}));
        assertFalse(Launcher.reachesTheDatabase(new String[] {"--version"}));
        assertFalse(TunedJvm.writesParquet(new String[] {"export", "--help"}));
    }
}
