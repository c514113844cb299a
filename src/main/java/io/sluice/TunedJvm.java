package io.sluice;

import io.sluice.cli.CommandWord;
import io.sluice.core.AppPaths;
import io.sluice.core.ProcessStart;
import io.sluice.core.Training;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * {@code java -jar sluice.jar export …}: runs the command on a second JVM started with the options the
 * installed {@code sluice-cli} has, since a jar cannot name JVM options and {@code java -jar} with the
 * JVM's defaults spent about twice the installed launcher's CPU (docs/benchmarks.md):
 * <ul>
 * <li>a class-data archive of the classes an export loads ({@code -XX:SharedArchiveFile}, AppCDS), kept
 * in {@code ~/.sluice/cds} per JDK and build of the jar. The first export that succeeds records it
 * at its end, which adds 3–4 s once; every later start loads those classes from it instead of
 * reading, verifying and linking them from the jars. On JDK 25 it is an AOT cache instead
 * ({@code -XX:AOTCache}), which also holds the recording export's method profiles: it adds about 6 s
 * once (the JVM writes what it recorded as it exits, then another one writes the cache);</li>
 * <li>the Serial GC, a small young generation and the JIT's scaled thresholds, for the reasons given
 * in {@code installer/jpackage/sluice-cli.properties}.</li>
 * </ul>
 * {@code java -jar sluice.jar} alone, the window, runs on a second JVM as well, for its own class
 * archive only (the installed window has the JVM's default options too): JavaFX's, AtlantaFX's and
 * Sluice's classes on the way to the first frame. It is recorded when the first window that opened
 * closes normally, and takes the window's opening here from 3.4–4.0 s to 2.9–3.3 s (docs/benchmarks.md,
 * ninth pass).
 * The user's own JVM options and arguments go to the second JVM unchanged, after these, so they win; a
 * GC or a class archive of the user's own replaces ours. Standard input and output are the same files,
 * the exit code is the second JVM's, and a Ctrl-C or kill reaching only this JVM is passed on, so the
 * export still deletes its temp file. {@code SLUICE_TUNED_JVM=0} turns this off, and so does an agent, JMX's
 * remote agent or a flight recording among the user's options: they are for the JVM the user started, so
 * the command runs there ({@link #WATCHING_THIS_JVM}).
 */
final class TunedJvm {
    /** Set on the second JVM, so that it runs the command itself. */
    static final String MARK = "sluice.jvm.tuned";
    /** Set on the second JVM when it is to record the class archive: the file to write it to. */
    static final String RECORD = "sluice.cds.record";
    /** Set on a second JVM recording JDK 25's AOT cache: it runs {@link Training} after its command. */
    static final String TRAIN = "sluice.aot.train";
    private static final int ARCHIVES_KEPT = 3;
    /** The start of the window's archives' names; the commands' start with "sluice-" and the JDK's version. */
    static final String WINDOW_PREFIX = "sluice-window-";

    private final List<String> javaAndOptions;
    private final Path jar;
    private final String[] args;
    /** No arguments: the window, which gets the class archive but keeps the JVM's default options. */
    private final boolean window;

    private TunedJvm(List<String> javaAndOptions, Path jar, String[] args) {
        this.javaAndOptions = javaAndOptions;
        this.jar = jar;
        this.args = args;
        this.window = args.length == 0;
    }

    /**
     * Runs a command that reaches the database, or the window, on the tuned JVM when this one was started
     * as {@code java -jar} with options it can read back; its exit code, or empty when this JVM should
     * run the command itself.
     */
    static OptionalInt run(String[] args) {
        Optional<TunedJvm> tuned = of(args);
        if (tuned.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(tuned.get().runChild());
        } catch (IOException cannotStart) {
            return OptionalInt.empty(); // e.g. no process may be started here: run in this JVM as before
        }
    }

    static Optional<TunedJvm> of(String[] args) {
        String vm = String.valueOf(System.getProperty("java.vm.name"));
        if (Boolean.getBoolean(MARK) || "0".equals(System.getenv("SLUICE_TUNED_JVM"))
                || !(vm.contains("HotSpot") || vm.contains("OpenJDK"))) {
            return Optional.empty();
        }
        String classPath = System.getProperty("java.class.path", "");
        String command = System.getProperty("sun.java.command", "");
        if (!classPath.endsWith(".jar") || !command.startsWith(classPath)) {
            return Optional.empty(); // not java -jar: the IDE, Maven, the tests or the installed launchers
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> argv = info.arguments();
        if (java.isEmpty() || argv.isEmpty()) {
            return Optional.empty();
        }
        // The command line must read back as "<options> -jar <jar> <args>", exactly: else it is not
        // known what the second JVM would be running.
        List<String> all = Arrays.asList(argv.get());
        int jarFlag = all.indexOf("-jar");
        if (jarFlag < 0 || all.size() != jarFlag + 2 + args.length
                || !Arrays.equals(all.subList(jarFlag + 2, all.size()).toArray(), args)) {
            return Optional.empty();
        }
        List<String> javaAndOptions = new ArrayList<>();
        javaAndOptions.add(java.get());
        for (String option : all.subList(0, jarFlag)) {
            if (option.startsWith("@") || option.startsWith("-XX:Flags") || option.startsWith("-XX:VMOptionsFile")) {
                return Optional.empty(); // options in a file: what they choose is not known here
            }
            javaAndOptions.add(option);
        }
        TunedJvm tuned = new TunedJvm(javaAndOptions, Path.of(all.get(jarFlag + 1)), args);
        return tuned.userChose(WATCHING_THIS_JVM) ? Optional.empty() : Optional.of(tuned);
    }

    /**
     * Options by which the user watches the JVM they started: an agent (a debugger, a profiler, a
     * monitoring agent), JMX's remote agent or a flight recording. This JVM has already started them,
     * and a second JVM would start them again: a debugger's or JMX's port would be taken (the command
     * never ran), a recording of this JVM would overwrite the command's when it ends, and on JDK 17 a
     * JVM recording the class archive refuses to start with an agent at all. So the command runs here,
     * on the JVM they asked for.
     */
    private static final String[] WATCHING_THIS_JVM = {"-javaagent", "-agentlib", "-agentpath", "-Xrun",
        "StartFlightRecording", "-Dcom.sun.management.jmxremote"};

    // No lambdas, streams or regular expressions on this JVM's path: each kind's first use costs it tens
    // of milliseconds, and every command waits for them. (String concatenation is compiled without
    // invokedynamic, pom.xml.)
    private int runChild() throws IOException {
        Archive archive = userChose("-Xshare", "Share", "Archive", "AOT") || userChose(NOT_WITH_AN_ARCHIVE) ? null
                : Archive.forThisJvm(jar, window ? WINDOW_PREFIX : "sluice-", window || writesParquet(args), layoutOptions());
        Process child = new ProcessBuilder(command(archive == null ? List.of() : archive.options(), true)).inheritIO().start();
        PassOn passOn = new PassOn(child, archive);
        Runtime.getRuntime().addShutdownHook(passOn);
        int code = waitFor(child, Long.MAX_VALUE);
        if (archive != null) {
            if (code == 0 && archive.toAssemble()) {
                assemble(archive, passOn);
            }
            archive.keepIf(code == 0);
        }
        return code;
    }

    /**
     * Options that change the JVM's set of modules: a JVM recording a class archive with them would not
     * start (JDK 17: "DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded"; JDK
     * 25's -XX:AOTMode=record refuses them), and one recorded without them would not match.
     */
    private static final String[] NOT_WITH_AN_ARCHIVE = {"--limit-modules", "--patch-module", "--upgrade-module-path"};

    /**
     * JDK 25: the AOT cache from what the command's JVM recorded, by a JVM of the same options (less the
     * user's log and print options) that only writes it (-XX:AOTMode=create, 2–3 s), its own output not
     * shown. A failed one leaves no cache: the next command records again.
     */
    private void assemble(Archive archive, PassOn passOn) {
        try {
            List<String> cmd = command(archive.assemblyOptions(), false);
            for (String option : javaAndOptions.subList(1, javaAndOptions.size())) {
                if (writesSomewhere(option)) {
                    cmd.remove(option); // the cache must be made with the user's other options, as it will be used
                }
            }
            Process assembler = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!passOn.alsoEnd(assembler)) {
                return; // this JVM is already ending: PassOn ends the assembler
            }
            if (waitFor(assembler, 300) != 0) {
                archive.discardTemp();
            }
        } catch (IOException e) {
            archive.discardTemp();
        }
    }

    /**
     * This JVM is ending (Ctrl-C, kill): end the child the same way; its shutdown cancels the export. As a
     * shutdown hook it runs at a normal exit too, when the processes have ended: then it only tidies up.
     */
    private static final class PassOn extends Thread {
        private Process child;
        private final Archive archive;
        private boolean ending;
        /** Whether the command has succeeded and only the AOT cache is being written. */
        private boolean commandSucceeded;

        PassOn(Process child, Archive archive) {
            super("sluice-pass-on");
            this.child = child;
            this.archive = archive;
        }

        /**
         * The JVM writing the AOT cache, after the command succeeded: ended too if this one is. False when
         * this JVM is ending already (then it is ended here).
         */
        synchronized boolean alsoEnd(Process assembler) {
            if (ending) {
                assembler.destroy();
                return false;
            }
            child = assembler;
            commandSucceeded = true;
            return true;
        }

        @Override
        public void run() {
            Process p;
            boolean succeeded;
            synchronized (this) {
                ending = true;
                p = child;
                succeeded = commandSucceeded;
            }
            if (p.isAlive()) {
                p.destroy();
                waitFor(p, 20);
            }
            if (archive != null) {
                archive.discardTemp();
            }
            if (succeeded) {
                // the command had succeeded (its file is complete) and only the cache was being written:
                // its exit code, not the signal's
                Runtime.getRuntime().halt(0);
            }
        }
    }

    /**
     * On the second JVM: if the first one ends before the command has (killed, even with SIGKILL, which
     * it cannot pass on), this one ends the same way as on Ctrl-C: the export is cancelled and its temp
     * file deleted, rather than running on with no one waiting for it.
     */
    static void endWithTheFirstJvm() {
        if (Boolean.getBoolean(MARK)) {
            ProcessHandle.current().parent().ifPresent(first -> first.onExit().thenRun(() -> System.exit(130)));
        }
    }

    /**
     * On the second JVM, after a command succeeded or the window closed normally: writes the class
     * archive if this JVM is to record it. Best effort; the parent keeps the file only if it is there
     * when the command has ended. A JVM recording JDK 25's AOT cache first runs {@link Training}, so
     * that the cache holds the profiles of a whole export's loops whatever the command was.
     */
    static void recordIfAsked() {
        if (Boolean.getBoolean(TRAIN)) {
            Training.runQuietly(); // JDK 25 keeps the profiles of what this JVM runs until it exits
        }
        String file = System.getProperty(RECORD);
        if (file == null) {
            return;
        }
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the JDK says "Dynamic dump to file …" there
        ClassLinker.linkBeforeADump();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] {new String[] {"dynamic_dump", file}}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            // no archive this time (a JDK without the command): the next export tries again
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Only a command that writes Parquet records the archive: one for --help or a preview would hold
     * too few of an export's classes, and would then be used by every export.
     */
    static boolean writesParquet(String[] args) {
        String command = CommandWord.of(args);
        if (!(command.equals("export") || command.equals("run"))) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one of the user's JVM options starts with one of these words, or is a -XX option containing
     * it: those on the command line, and those the JVM takes from the environment, which the second JVM
     * gets as well (two GCs chosen would stop it from starting).
     */
    private boolean userChose(String... words) {
        for (String option : allUserOptions()) {
            for (String word : words) {
                if (option.startsWith(word) || option.startsWith("-XX:") && option.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> allUserOptions() {
        List<String> options = new ArrayList<>(javaAndOptions.subList(1, javaAndOptions.size()));
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            String value = System.getenv(variable);
            if (value != null) {
                for (String word : value.trim().split(" ")) {
                    if (!word.isEmpty()) {
                        options.add(word);
                    }
                }
            }
        }
        return options;
    }

    /**
     * The user's options that decide how objects are laid out (heap size, compressed pointers), and with
     * it which of the JDK's own archives the class archive builds on: an archive recorded under other
     * ones would be refused, silently, at every start.
     */
    private String layoutOptions() {
        StringBuilder key = new StringBuilder();
        for (String option : allUserOptions()) {
            if (option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:MaxRAM")
                    || option.contains("UseCompressed") || option.contains("UseCompactObjectHeaders")
                    || option.startsWith("-XX:ObjectAlignmentInBytes")) {
                key.append(option).append(' ');
            }
        }
        return key.toString();
    }

    /** A user's option with which the cache's writer would overwrite their log, or print what they asked for twice. */
    private static boolean writesSomewhere(String option) {
        return option.startsWith("-Xlog") || option.startsWith("-verbose") || option.startsWith("-XX:+Print")
                || option.startsWith("-XX:+HeapDump");
    }

    /**
     * The installed CLI's young generation (installer/jpackage/sluice-cli.properties): a small one, used
     * over and over, because memory a process touches for the first time is what costs most on a
     * virtual machine (about 5 ms a MiB where the benchmark ran in the seventh pass, 0.6–0.75 ms in 4 KiB
     * pages in the twentieth; docs/benchmarks.md), and
     * the default young generation of a third of the first heap was a fresh 100 MiB for the first
     * million rows. Arrays of half a MiB and more (a blob's value, a row group's compressed pages) go
     * straight to the old generation: with a young generation this small they would otherwise be
     * copied out of it at every collection and fill the old one without a full collection ever running.
     */
    static final List<String> SMALL_YOUNG_GENERATION = List.of("-Xmn16m", "-XX:PretenureSizeThreshold=512k");

    /** The second JVM's command: these options for its archive, then the user's, then the command's arguments if asked. */
    List<String> command(List<String> archiveOptions, boolean withArgs) {
        List<String> userOptions = javaAndOptions.subList(1, javaAndOptions.size());
        List<String> cmd = new ArrayList<>();
        cmd.add(javaAndOptions.get(0));
        cmd.add("-XX:+IgnoreUnrecognizedVMOptions"); // a JDK without one of these still runs the command
        if (!window) {
            tuning(cmd);
        }
        if (Runtime.version().feature() >= 24) {
            // as the installed launcher: Arrow's memory layer uses sun.misc.Unsafe, which JDK 24 warns about
            // on stderr at the first use, where the user reads one sentence (the jar's manifest enables
            // native access already)
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        // The JVM's own notes (a class it cannot archive, an archive from another build) stay out of
        // stdout, which scripts read, as in the installed launcher; the archive's are not for users.
        cmd.add("-Xlog:all=off:stdout");
        cmd.add(Archive.AOT ? "-Xlog:all=warning,cds*=off,aot*=off:stderr" : "-Xlog:all=warning,cds*=off:stderr");
        cmd.addAll(archiveOptions);
        cmd.addAll(userOptions);
        cmd.add("-Dsluice.jvm.tuned=true"); // after the user's: the second JVM never starts a third
        Optional<java.time.Instant> started = ProcessStart.ofThisProcess();
        if (started.isPresent()) { // the window's opening counts from what the user started
            cmd.add("-D".concat(ProcessStart.FIRST_JVM_PROPERTY).concat("=").concat(Long.toString(started.get().toEpochMilli())));
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        if (withArgs) {
            cmd.addAll(Arrays.asList(args));
        }
        return cmd;
    }

    /** The installed CLI's options (installer/jpackage/sluice-cli.properties). */
    private void tuning(List<String> cmd) {
        if (!userChose("GC")) {
            cmd.add("-XX:+UseSerialGC");
            cmd.addAll(SMALL_YOUNG_GENERATION);
        }
        if (!userChose("CompileThresholdScaling")) { // the loops' threshold goes with our scaling, not the user's
            cmd.addAll(JIT_THRESHOLDS);
        }
    }

    /**
     * The installed CLI's JIT thresholds (installer/jpackage/sluice-cli.properties): methods compiled after
     * five times the JDK's counts, loops to C1 after the JDK's own (12,000 scaled by 5: 60,000 turns).
     */
    static final List<String> JIT_THRESHOLDS = List.of("-XX:CompileThresholdScaling=5", "-XX:Tier3BackEdgeThreshold=12000");

    private static int waitFor(Process child, long seconds) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (seconds == Long.MAX_VALUE) {
                        return child.waitFor();
                    }
                    return child.waitFor(seconds, TimeUnit.SECONDS) ? child.exitValue() : 1;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The class-data archive of this JDK and this build of the jar and its libraries: used when it is
     * there, else recorded by this run and kept only if the command succeeded (a failed one may have
     * loaded only the first few classes). From JDK 25 it is an AOT cache (JEP 483, 514, 515), as the
     * installed launcher has: classes loaded and linked, and the profiles of the methods the recording
     * command ran, so the JIT compiles the hot loops from the start. On (d), java -jar on JDK 25 took
     * 2.44 s with a dynamic archive and 2.35 s with a cache recorded by a 6-row export; its second JVM alone
     * took 2.51 s and 2.05 s with one recorded by a full export (docs/benchmarks.md, eleventh pass).
     */
    static final class Archive {
        /** Whether this JDK has AOT caches with method profiles (JDK 25), else a dynamic CDS archive. */
        static final boolean AOT = Runtime.version().feature() >= 25;
        private final Path file;
        private final String prefix;
        private final Path temp;
        private final boolean exists;
        /**
         * JDK 25: there once a command succeeded without a cache. A recording JVM writes what it recorded at
         * every exit, a failed or cancelled one too (1.5–3.5 s), so only a command after a success records:
         * a script retrying a wrong password does not pay for it each time.
         */
        private final Path succeededOnce;
        private final boolean mayRecordNow;

        private Archive(Path file, String prefix) {
            this.file = file;
            this.prefix = prefix;
            this.temp = file.resolveSibling(new StringBuilder().append(file.getFileName()).append('.')
                    .append(ProcessHandle.current().pid()).append(".tmp").toString());
            this.exists = Files.isRegularFile(file);
            this.succeededOnce = file.resolveSibling(file.getFileName().toString().concat(".succeeded"));
            this.mayRecordNow = !AOT || Files.exists(succeededOnce);
        }

        /**
         * The archive to use, or to record when {@code mayRecord}; null for neither. {@code prefix} tells
         * the window's archive from the commands'.
         */
        static Archive forThisJvm(Path jar, String prefix, boolean mayRecord, String layoutOptions) {
            try {
                Path dir = AppPaths.home().resolve("cds");
                Files.createDirectories(dir);
                if (!Files.isWritable(dir)) {
                    return null;
                }
                Archive archive = new Archive(dir.resolve(new StringBuilder(prefix).append(Runtime.version().feature())
                        .append('-').append(key(jar, layoutOptions)).append(AOT ? ".aot" : ".jsa").toString()), prefix);
                return archive.exists || mayRecord ? archive : null;
            } catch (IOException | RuntimeException e) {
                return null; // no archive: the options alone still apply
            }
        }

        /** The JDK, and the jar and its libraries by name, size and time: a new build or JDK is a new archive. */
        private static String key(Path jar, String layoutOptions) throws IOException {
            StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('|')
                    .append(System.getProperty("java.vm.version")).append('|').append(layoutOptions);
            List<Path> files = new ArrayList<>(List.of(jar.toRealPath()));
            Path lib = jar.toRealPath().resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
                    for (Path j : jars) {
                        files.add(j);
                    }
                }
            }
            files.sort(null); // natural order
            for (Path f : files) {
                key.append('|').append(f).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis());
            }
            CRC32 crc = new CRC32();
            crc.update(key.toString().getBytes(StandardCharsets.UTF_8));
            return Long.toHexString(crc.getValue());
        }

        /**
         * The archive, or, to record it, the JVM's bookkeeping for a dump on request: the command dumps it
         * only once it has succeeded ({@link #recordIfAsked}), so a failed or cancelled first export
         * neither waits for a dump nor leaves a poor archive. ({@code -XX:ArchiveClassesAtExit} would
         * dump at every exit, Ctrl-C included, for about 3 s.) JDK 25's recording does dump at every
         * exit, so there only a command after a first success records ({@link #succeededOnce}), and the
         * first JVM keeps the cache only if that command succeeded.
         */
        List<String> options() {
            if (AOT && !exists && !mayRecordNow) {
                return List.of(); // the first success only leaves its mark (succeededOnce)
            }
            if (AOT) {
                if (exists) {
                    return List.of("-XX:AOTCache=".concat(file.toString()));
                }
                // recording: the JVM writes what it loaded and ran when it exits, and says so ("AOTConfiguration
                // recorded: <temp file>") on its console output, stdout, which scripts read. That output is off
                // for this one run (a user's -XX:+DisplayVMOutput wins, and goes to stderr); the JVM's warnings
                // and errors have a stream of their own and still reach stderr.
                List<String> record = new ArrayList<>(List.of("-XX:AOTMode=record",
                        "-XX:AOTConfiguration=".concat(configuration().toString()), "-XX:+DisplayVMOutputToStderr",
                        "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput"));
                if (!prefix.equals(WINDOW_PREFIX)) { // the window's cache is the way to its first frame only
                    record.add("-D".concat(TRAIN).concat("=true")); // a command's: trained after it (Training)
                }
                return record;
            }
            return exists ? List.of("-XX:SharedArchiveFile=".concat(file.toString()))
                    : List.of("-XX:+RecordDynamicDumpInfo", "-D".concat(RECORD).concat("=").concat(temp.toString()));
        }

        /** Whether the command's JVM recorded what an AOT cache is then written from (JDK 25). */
        boolean toAssemble() {
            return AOT && !exists && mayRecordNow && Files.isRegularFile(configuration());
        }

        /** The options of the JVM that writes the AOT cache, into the temp file that {@link #keepIf} moves. */
        List<String> assemblyOptions() {
            return List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=".concat(configuration().toString()),
                    "-XX:AOTCache=".concat(temp.toString()));
        }

        private Path configuration() {
            return temp.resolveSibling(temp.getFileName().toString().concat(".aotconf"));
        }

        void keepIf(boolean succeeded) {
            if (exists) {
                return;
            }
            try {
                if (!mayRecordNow) {
                    if (succeeded) {
                        Files.write(succeededOnce, new byte[0]);
                    }
                    return;
                }
                if (succeeded && Files.isRegularFile(temp)) {
                    try {
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.deleteIfExists(succeededOnce);
                    dropOldArchives();
                }
            } catch (IOException | RuntimeException e) {
                // not kept: the next run records it again
            } finally {
                discardTemp();
            }
        }

        void discardTemp() {
            try {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName().toString().concat(".temp"))); // JDK 25 dumps there first
                Files.deleteIfExists(configuration());
            } catch (IOException | RuntimeException ignored) {
                // a leftover is removed with the old archives below, next time one is kept
            }
        }

        /**
         * The newest few archives of this kind (the window's or the commands') stay: two JDKs, two
         * checkouts. Older ones and day-old leftovers go.
         */
        private void dropOldArchives() throws IOException {
            List<Path> archives = new ArrayList<>();
            FileTime dayAgo = FileTime.fromMillis(System.currentTimeMillis() - Duration.ofDays(1).toMillis());
            try (DirectoryStream<Path> all = Files.newDirectoryStream(file.getParent(), "sluice-*")) {
                for (Path f : all) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".jsa") || name.endsWith(".aot")) {
                        if (name.startsWith(prefix) && Character.isDigit(name.charAt(prefix.length()))) {
                            archives.add(f);
                        }
                    } else if ((f.toString().contains(".tmp") || name.endsWith(".succeeded"))
                            && Files.getLastModifiedTime(f).compareTo(dayAgo) < 0) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            archives.sort(Comparator.comparing(Archive::modified).reversed());
            for (Path old : archives.subList(Math.min(ARCHIVES_KEPT, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        }

        private static FileTime modified(Path f) {
            try {
                return Files.getLastModifiedTime(f);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }
    }
}
