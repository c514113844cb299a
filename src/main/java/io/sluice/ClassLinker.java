package io.sluice;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Links the classes the application's class loader has loaded, without initialising any, just before
 * {@link TunedJvm} dumps a dynamic class archive on a JDK older than 25. JDK 17's dump leaves out a class
 * that was loaded but never linked ("Skipping …: Not linked" in {@code -Xlog:cds}): about 1,000 of a
 * 6-row export's classes (Jackson's, Arrow's and Parquet's, loaded as super-types and by the verifier),
 * which every later start then read from the jars again. Linking them first took the 6-row
 * {@code java -jar} export from 1.57 to 1.26 CPU-s (docs/benchmarks.md, tenth pass). JDK 25's dump links
 * every loaded class itself, so there this is not done.
 */
final class ClassLinker {
    /** The first JDK whose dynamic dump links what was only loaded. */
    private static final int LINKS_ITSELF = 25;
    /**
     * A line of {@code VM.class_hierarchy}: the tree's {@code |  |--}, the name, then {@code /} and the
     * loader (and maybe " (intf)"). A hidden class, such as a lambda's, has a second {@code /} (its
     * address) and cannot be found by name, so it does not match.
     */
    private static final Pattern TREE = Pattern.compile("^[|\\s-]*([^/\\s]+)/[^/]*$");

    private ClassLinker() {
    }

    /** Best effort: on any failure the archive is dumped with what is linked already. */
    static void linkBeforeADump() {
        if (Runtime.version().feature() >= LINKS_ITSELF) {
            return;
        }
        try {
            linkApplicationClasses();
        } catch (JMException | RuntimeException e) {
            // a JDK without the command: the archive holds a little less
        }
    }

    private static void linkApplicationClasses() throws JMException {
        String tree = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                new Object[] {null}, new String[] {String[].class.getName()});
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (String line : tree.split("\n")) {
            Matcher m = TREE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            try {
                Class<?> c = Class.forName(m.group(1), false, app); // loaded already, and not initialised here
                if (c.getClassLoader() == app) {
                    // HotSpot links (verifies) a class before reflecting on it; no static initialiser runs.
                    // Its fields' types, and what the verifier names, may be loaded in turn: those the
                    // archive leaves out, as before.
                    c.getDeclaredFields();
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot link (a field of a type not on the class path): the archive leaves it out
            }
        }
    }
}
