package io.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BoundsChecking;
import org.junit.jupiter.api.Test;

class ArrowChecksTest {
    /** The child: what Arrow decided after {@code main}'s first line, as the launchers run it. */
    public static final class Print {
        public static void main(String[] args) {
            ArrowChecks.leaveBoundsToSetSafe();
            System.out.println(BoundsChecking.BOUNDS_CHECKING_ENABLED);
        }
    }

    @Test
    void arrowTakesTheSettingWhenTheUserSaidNothing() throws Exception {
        assertEquals("false", boundsCheckedIn(), "Arrow still checks every store: did it rename its setting?");
        assertEquals("true", boundsCheckedIn("-D" + ArrowChecks.PROPERTY + "=false"), "the user's own choice wins");
    }

    @Test
    void turnsTheChecksOffOnlyWhenTheUserSaidNothing() {
        assertTrue(ArrowChecks.userLeftItOpen(null, null, null));
        assertFalse(ArrowChecks.userLeftItOpen("false", null, null), "-Darrow.enable_unsafe_memory_access=false keeps the checks");
        assertFalse(ArrowChecks.userLeftItOpen(null, "false", null), "Arrow still reads the old drill.* name");
        assertFalse(ArrowChecks.userLeftItOpen(null, null, "false"), "the environment variable keeps them too");
    }

    private static String boundsCheckedIn(String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Print.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(ArrowChecks.VARIABLE);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }
}
