package io.sluice.testing;

import io.sluice.cli.SluiceCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in this JVM (fast, password on stdin) or as its own process (signals, concurrency). */
public final class Cli {
    private Cli() {}

    /** A command's outcome; {@code nanos}, for an in-process run, from its start, not from the wait for the lock. */
    public record Run(int code, String out, String err, long nanos) {
        public Run(int code, String out, String err) {
            this(code, out, err, -1);
        }
    }

    /**
     * In-process; stdin is global, so one at a time: with test classes two at a time, a run may wait
     * here for another class's, which its {@code nanos} leaves out.
     */
    public static synchronized Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        long started = System.nanoTime();
        try {
            int code = SluiceCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString(), System.nanoTime() - started);
        } finally {
            System.setIn(old);
        }
    }

    /** In-process with the test user's password on stdin. */
    public static Run withPassword(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--password-stdin");
        return run(TestDb.PASSWORD + "\n", all.toArray(String[]::new));
    }

    /**
     * Starts the CLI as a process of its own on this JVM's class path, the password in
     * {@code SLUICE_PASSWORD} and its settings and log under {@code home}.
     */
    public static Process start(Path home, Path stdout, Path stderr, String... args) throws IOException {
        return start("256m", home, stdout, stderr, args);
    }

    /**
     * As a user types it: {@code java <jvmOptions> -jar <jar> <args>}, on this JVM's java, the password in
     * {@code SLUICE_PASSWORD} and the settings, log and class archive under {@code home}.
     */
    public static Process startJar(Path jar, List<String> jvmOptions, Path home, Path stdout, Path stderr, String... args)
            throws IOException {
        return startJar(jar, jvmOptions, Map.of(), home, stdout, stderr, args);
    }

    /** As {@link #startJar(Path, List, Path, Path, Path, String...)} with more environment variables. */
    public static Process startJar(Path jar, List<String> jvmOptions, Map<String, String> env, Path home, Path stdout, Path stderr,
            String... args) throws IOException {
        return startJar(Path.of(System.getProperty("java.home"), "bin", "java"), jar, jvmOptions, env, home, stdout, stderr, args);
    }

    /** As {@link #startJar(Path, List, Map, Path, Path, Path, String...)} on another JDK's {@code java}. */
    public static Process startJar(Path java, Path jar, List<String> jvmOptions, Map<String, String> env, Path home, Path stdout,
            Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(Map.of("SLUICE_PASSWORD", TestDb.PASSWORD, "SLUICE_HOME", home.toString()));
        pb.environment().remove("SLUICE_TUNED_JVM");
        pb.environment().putAll(env);
        Files.createDirectories(home);
        return pb.start();
    }

    /** As {@link #start(Path, Path, Path, String...)} with a heap of {@code maxHeap} (-Xmx). */
    public static Process start(String maxHeap, Path home, Path stdout, Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                "io.sluice.CliLauncher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().putAll(Map.of("SLUICE_PASSWORD", TestDb.PASSWORD, "SLUICE_HOME", home.toString()));
        Files.createDirectories(home);
        return pb.start();
    }
}
