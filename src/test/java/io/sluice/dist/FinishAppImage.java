package io.sluice.dist;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.AtomicFiles;
import io.sluice.core.server.PrivateMariaDb;
import io.sluice.core.server.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finishes the jpackage app-image before the installers are made from it (the dist profile runs it
 * between the two jpackage calls), for a CLI that starts fast (docs/benchmarks.md has the numbers):
 * <ol>
 *   <li><b>Linux: both launchers become shell scripts</b> that start the image's own runtime with
 *       exactly the class path and options of jpackage's launcher configuration. jpackage's Linux
 *       launcher runs {@code rpm -qf} and {@code dpkg -S} on itself at every start, twice, to learn
 *       whether a package owns it: about 1 s of every start on a machine with a large package
 *       database, more than a whole small export.</li>
 *   <li><b>JDK 24 or later:</b> {@code --sun-misc-unsafe-memory-access=allow} and
 *       {@code --enable-native-access=ALL-UNNAMED}, since Arrow's memory layer uses
 *       {@code sun.misc.Unsafe} and the codecs load native libraries, which such runtimes would
 *       otherwise warn about on every start.</li>
 *   <li><b>JDK 25 or later: an ahead-of-time cache for the CLI</b> (JEP 483/514/515). One training
 *       export, run by the image's own {@code sluice-cli} against a private MariaDB, records the
 *       classes it loads and links and their profiles; the cache {@code lib/app/sluice-cli.aot} lets
 *       later starts map them instead of loading, verifying and warming up again. It holds class
 *       data only, never a row or a password: the training table is generated here. Two steps
 *       (record, then create) because the one-step mode would start a {@code java} of its own.
 *       On Linux with Xvfb, the window launcher gets one too ({@code lib/app/sluice.aot}), from a
 *       start that quits at the first frame.</li>
 * </ol>
 * The code stays Java 17 bytecode; an image made with JDK 17 gets the scripts and nothing else.
 * Windows and macOS images are left as jpackage made them (another layout; not built here).
 *
 * <p>Usage: {@code java -cp <test class path> io.sluice.dist.FinishAppImage target/dist/sluice}
 */
public final class FinishAppImage {
    static final String CACHE = "sluice-cli.aot";
    static final String WINDOW_CACHE = "sluice.aot";
    static final List<String> LAUNCHERS = List.of("sluice", "sluice-cli");
    private static final int TRAINING_ROWS = 200_000;
    /**
     * The jars' modification time, 2000-01-01: the cache is only used while the jars keep the time
     * it was made with, and jpackage's .deb copies them with new ones; the .deb's postinst sets this back.
     */
    static final java.nio.file.attribute.FileTime JAR_TIME = java.nio.file.attribute.FileTime.from(
            java.time.Instant.ofEpochSecond(946_684_800L));

    private FinishAppImage() {}

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]).toAbsolutePath();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) { // Windows and macOS images have another layout, and their launchers ask no package manager
            System.out.println("not Linux: the app-image is left as jpackage made it");
            return;
        }
        int major = runtimeMajor(image);
        if (major >= 24) {
            for (String launcher : LAUNCHERS) {
                addJavaOption(image, launcher, "--sun-misc-unsafe-memory-access=allow");
                addJavaOption(image, launcher, "--enable-native-access=ALL-UNNAMED"); // zstd-jni, snappy-java, JavaFX
            }
        }
        if (linux) {
            for (String launcher : LAUNCHERS) {
                writeScriptLauncher(image, launcher);
            }
        }
        boolean windowCache = false;
        if (major >= 25) {
            Path work = Files.createTempDirectory("sluice-training");
            try {
                train(image, work);
                addJavaOption(image, "sluice-cli", "-XX:AOTCache=$APPDIR/" + CACHE);
                if (linux) {
                    writeScriptLauncher(image, "sluice-cli");
                    windowCache = trainWindow(image, work);
                    if (windowCache) {
                        addJavaOption(image, "sluice", "-XX:AOTCache=$APPDIR/" + WINDOW_CACHE);
                        writeScriptLauncher(image, "sluice");
                    }
                }
            } finally {
                AtomicFiles.deleteTree(work);
            }
        }
        System.out.println("app-image finished: runtime JDK " + major + (linux ? ", script launchers" : "")
                + (major >= 25 ? ", AOT cache for sluice-cli" : "") + (windowCache ? " and for the window" : ""));
    }

    /** JAVA_VERSION="25.0.1" in the runtime's release file. */
    static int runtimeMajor(Path image) throws IOException {
        String release = Files.readString(image.resolve("lib/runtime/release"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_VERSION in " + image.resolve("lib/runtime/release"));
        }
        return Integer.parseInt(m.group(1));
    }

    /** The launcher's configuration as jpackage wrote it: class path, main class and JVM options. */
    record LauncherConfig(List<String> classPath, String mainClass, List<String> javaOptions) {
        static LauncherConfig read(Path image, String launcher) throws IOException {
            List<String> cp = new ArrayList<>();
            List<String> options = new ArrayList<>();
            String main = null;
            for (String line : Files.readAllLines(cfg(image, launcher), StandardCharsets.UTF_8)) {
                if (line.startsWith("app.classpath=")) {
                    cp.add(line.substring("app.classpath=".length()));
                } else if (line.startsWith("app.mainclass=")) {
                    main = line.substring("app.mainclass=".length());
                } else if (line.startsWith("java-options=")) {
                    options.add(line.substring("java-options=".length()));
                }
            }
            if (main == null || cp.isEmpty()) {
                throw new IllegalStateException(cfg(image, launcher) + " names no main class or class path");
            }
            return new LauncherConfig(cp, main, options);
        }
    }

    static Path cfg(Path image, String launcher) {
        return image.resolve("lib/app").resolve(launcher + ".cfg");
    }

    /**
     * Replaces jpackage's launcher with a POSIX shell script that runs the same JVM, options and
     * class path. It finds its image through its own real path, so the link in /usr/bin works.
     */
    static void writeScriptLauncher(Path image, String launcher) throws IOException {
        LauncherConfig c = LauncherConfig.read(image, launcher);
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# ").append(launcher).append(": made by the build (FinishAppImage) from lib/app/").append(launcher)
                .append(".cfg in place of jpackage's\n");
        s.append("# launcher, which asks rpm and dpkg at every start which package owns it (about 1 s).\n");
        s.append("unset JDK_JAVA_OPTIONS # jpackage's launcher ignores it too: the options below are the app's\n");
        s.append("self=$(readlink -f \"$0\") || self=$0\n");
        s.append("APPDIR=$(dirname \"$(dirname \"$self\")\")/lib/app\n");
        s.append("exec \"$APPDIR/../runtime/bin/java\"");
        for (String option : c.javaOptions()) {
            s.append(" \\\n  ").append(quote(option));
        }
        s.append(" \\\n  -cp ").append(quote(String.join(":", c.classPath())));
        s.append(" \\\n  ").append(c.mainClass()).append(" \"$@\"\n");
        Path script = image.resolve("bin").resolve(launcher);
        Files.deleteIfExists(script);
        Files.writeString(script, s.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Double quotes keep $APPDIR expanding and protect spaces; nothing jpackage writes holds " ` \ or $ else. */
    static String quote(String value) {
        if (value.replace("$APPDIR", "").matches(".*[\"`\\\\$].*")) {
            throw new IllegalArgumentException("cannot put into a launcher script: " + value);
        }
        return "\"" + value + "\"";
    }

    /** Exports every type of the test corpus and a mixed table of 200,000 rows in one CLI process. */
    private static void train(Path image, Path work) throws Exception {
        Path cache = image.resolve("lib/app").resolve(CACHE);
        Path config = work.resolve("sluice-cli.aotconf");
        Files.deleteIfExists(cache);
        try (java.util.stream.Stream<Path> files = Files.list(image.resolve("lib/app"))) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(jar, JAR_TIME);
            }
        }
        try (PrivateMariaDb server = PrivateMariaDb.start(work.resolve("db"), true)) {
            ConnectionSpec root = ConnectionSpec.builder(new Dsn("mysql", "root", server.host(), server.port(), ""))
                    .tlsMode(TlsMode.DISABLED).build();
            try (Connection c = Connections.open(root); Statement st = c.createStatement()) {
                SqlScript.run(c, SqlScript.load("corpus/type_edges.sql"));
                st.execute("CREATE DATABASE training");
                st.execute("CREATE TABLE training.mixed (id BIGINT UNSIGNED PRIMARY KEY, qty INT NOT NULL,"
                        + " status ENUM('new','paid','shipped') NOT NULL, price DECIMAL(14,4) NOT NULL, discount DECIMAL(5,2),"
                        + " score DOUBLE, code CHAR(12) NOT NULL, note VARCHAR(200), created DATETIME(3) NOT NULL, shipped DATE,"
                        + " priority TINYINT UNSIGNED NOT NULL, token VARBINARY(32) NOT NULL, flag TINYINT(1), body TEXT)");
                st.execute("INSERT INTO training.mixed SELECT seq, seq % 1000, 1 + seq % 3, seq / 7, IF(seq % 7 = 0, NULL, seq % 100),"
                        + " IF(seq % 5 = 0, NULL, seq / 3), LEFT(MD5(seq), 12), IF(seq % 4 = 0, NULL, CONCAT('note ', seq, ' é')),"
                        + " TIMESTAMPADD(SECOND, seq, '2020-01-01'), IF(seq % 3 = 0, NULL, DATE_ADD('2020-01-01', INTERVAL seq % 900 DAY)),"
                        + " seq % 256, UNHEX(SHA1(seq)), seq % 2, REPEAT('x', seq % 50) FROM seq_1_to_" + TRAINING_ROWS);
            }
            // 1. record: a real export, every corpus type and 200,000 mixed rows, in one process
            String out = launch(image, work, "-XX:AOTMode=record -XX:AOTConfiguration=" + config, "export",
                    "--dsn", "mysql://root@127.0.0.1:" + server.port() + "/training", "--ssl-mode", "disabled",
                    "--table", "sluice_types.*", "--table", "training.mixed", "--out-dir", work.resolve("out").toString(),
                    "--no-progress");
            if (!Files.isRegularFile(config)) {
                throw new IllegalStateException("the training export recorded nothing:\n" + out);
            }
        }
        // 2. create: the JVM builds the cache from the recording and exits without running Sluice
        String out = launch(image, work, "-XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache,
                "--version");
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("no AOT cache was made:\n" + out);
        }
    }

    /**
     * The window's cache, from one start on a private X server (Xvfb) that quits at its first frame:
     * the way to the first frame is what it speeds up. Without Xvfb the window keeps no cache.
     */
    private static boolean trainWindow(Path image, Path work) throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(xvfb)) {
            System.out.println("no Xvfb: the window launcher gets no AOT cache");
            return false;
        }
        Path cache = image.resolve("lib/app").resolve(WINDOW_CACHE);
        Path config = work.resolve("sluice.aotconf");
        int n = freeDisplay();
        Process x = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.out").toFile()).start();
        // JavaFX unpacks its natives under ~/.openjfx: into the scratch folder, not the builder's home
        Map<String, String> env = Map.of("DISPLAY", ":" + n, "HOME", work.toString());
        try {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int i = 0; i < 300 && !Files.exists(socket) && x.isAlive(); i++) {
                Thread.sleep(100);
            }
            String exit = "-Dsluice.exitAfterFirstFrame=true"; // io.sluice.ui.FirstFrame
            launchWith(image, "sluice", work, env, "-XX:AOTMode=record -XX:AOTConfiguration=" + config + " " + exit);
            launchWith(image, "sluice", work, env, "-XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache);
        } catch (Exception e) { // the window's cache is a bonus: the image is complete without it
            System.out.println("the window's training failed, so it gets no AOT cache: " + e.getMessage());
            Files.deleteIfExists(cache);
            return false;
        } finally {
            x.destroy();
            if (!x.waitFor(10, TimeUnit.SECONDS)) {
                x.destroyForcibly();
            }
        }
        return Files.isRegularFile(cache);
    }

    /** An X display number nobody uses: no socket and no lock file. */
    private static int freeDisplay() {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 400); ; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
    }

    private static String launch(Path image, Path work, String jvmOptions, String... args) throws Exception {
        return launchWith(image, "sluice-cli", work, Map.of(), jvmOptions, args);
    }

    private static String launchWith(Path image, String launcher, Path work, Map<String, String> env, String jvmOptions,
                                     String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(image.resolve("bin").resolve(launcher).toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(work, "launch", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
        pb.environment().put("SLUICE_HOME", work.resolve("home").toString());
        pb.environment().remove("SLUICE_PASSWORD");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the training launch did not finish in 10 minutes: " + cmd);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the training launch failed (exit " + p.exitValue() + "): " + cmd + "\n" + out);
        }
        return out;
    }

    /** Adds one line to the launcher's [JavaOptions] section, after jpackage's own. */
    static void addJavaOption(Path image, String launcher, String option) throws IOException {
        Path cfg = cfg(image, launcher);
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("[JavaOptions]") || lines.get(i).startsWith("java-options=")) {
                at = i;
            }
        }
        if (at < 0) {
            lines.add("[JavaOptions]");
            at = lines.size() - 1;
        }
        lines.add(at + 1, line);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }
}
