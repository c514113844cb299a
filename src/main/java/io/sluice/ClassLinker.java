package io.sluice;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Links every class the application's class loader has loaded, without initialising any, just before
 * {@link TunedJvm} dumps the class archive. A dynamic archive leaves out a class that was loaded but
 * never linked ("Skipping …: Not linked" in {@code -Xlog:cds}): on JDK 17, about 1,000 of a 6-row
 * export's classes (Jackson, Arrow's and Parquet's, loaded as super-types and by verification), which
 * every later start then read from the jars again. Linking them first took the 6-row {@code java -jar}
 * export from 1.57 to 1.26 CPU-s (docs/benchmarks.md, tenth pass).
 */
final class ClassLinker {
    /** A line of {@code VM.class_hierarchy}: the tree's {@code |  |--} before the name, {@code /loader} after it. */
    private static final Pattern TREE = Pattern.compile("^[|\\s-]*([^/\\s]+)/.*$");

    private ClassLinker() {
    }

    /** @return how many classes of the application's loader were linked (most of them already were) */
    static int linkApplicationClasses() throws JMException {
        String tree = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                new Object[] {null}, new String[] {String[].class.getName()});
        ClassLoader app = ClassLoader.getSystemClassLoader();
        int linked = 0;
        for (String line : tree.split("\n")) {
            var m = TREE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            try {
                Class<?> c = Class.forName(m.group(1), false, app); // loaded already: nothing new is read
                if (c.getClassLoader() == app) {
                    c.getDeclaredFields(); // HotSpot links (verifies) the class for reflection; no static initialiser runs
                    linked++;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a hidden class (a lambda: not found by name), or one that cannot link: the archive leaves it out
            }
        }
        return linked;
    }
}
