package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Several tables in one run, globs, odd names as file names, and saved jobs run again. */
@ExtendWith(MariaDbExtension.class)
class ManyTablesAndJobsIT {
    private static final List<String> CORPUS = List.of("bins", "geo", "ints", "misc", "nums", "temporal", "texts");

    @TempDir
    Path dir;

    private static String dsn(TestDb db, String database) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/" + database;
    }

    private static Cli.Run sluice(String... args) {
        return Cli.withPassword(args);
    }

    @Test
    void everyTableOfTheCorpusByGlobEachExact(TestDb db) throws Exception {
        Path out = dir.resolve("all");
        Cli.Run r = sluice("export", "--dsn", dsn(db, ""), "--ssl-mode", "disabled", "--table", "sluice_types.*",
                "--out-dir", out.toString(), "--no-progress", "--json");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("\"succeeded\":7,\"failed\":0"), r.out());
        // the corpus's zero dates: counted for the table that has them, as a single export counts them
        assertTrue(r.out().matches("(?s).*\"table\":\"temporal\"[^}]*\"nulledValues\":[1-9].*"), r.out());
        assertTrue(r.out().matches("(?s).*\"table\":\"ints\"[^}]*\"nulledValues\":0.*"), r.out());
        try (Connection c = db.connect()) {
            for (String t : CORPUS) {
                Path f = out.resolve("sluice_types").resolve(t + ".parquet");
                ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", t, "id", f);
                assertTrue(report.mismatches().isEmpty(), () -> t + ": " + String.join("\n", report.mismatches()));
            }
        }
        Targets.assertNoTempFiles(out.resolve("sluice_types"));
    }

    @Test
    void valuesWrittenAsNullAreNamedPerTableAndColumn(TestDb db) {
        Cli.Run r = sluice("export", "--dsn", dsn(db, ""), "--ssl-mode", "disabled", "--table", "sluice_types.temporal",
                "--table", "sluice_types.ints", "--out-dir", dir.resolve("two").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().matches("(?s).*\n  sluice_types\\.temporal\\.\\w+: [0-9,]+ values the mapping cannot hold were written as NULL\\..*"),
                r.out());
        assertFalse(r.out().contains("sluice_types.ints."), r.out());
    }

    @Test
    void aMissingTableAmongThreeIsNamedAndTheOthersAreWritten(TestDb db) throws Exception {
        Path out = dir.resolve("three");
        Cli.Run r = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints",
                "--table", "no_such_table", "--table", "nums", "--out-dir", out.toString(), "--no-progress");
        assertEquals(1, r.code(), r.err());
        assertTrue(Files.size(out.resolve("sluice_types/ints.parquet")) > 0);
        assertTrue(Files.size(out.resolve("sluice_types/nums.parquet")) > 0);
        assertFalse(Files.exists(out.resolve("sluice_types/no_such_table.parquet")));
        assertTrue(r.out().contains("\n  sluice_types.no_such_table: The table sluice_types.no_such_table does not exist"
                + " (or you may not see it).\n"), r.out());
        assertTrue(r.out().strip().endsWith("Wrote 2 of 3 tables; 1 failed."), r.out());
        Targets.assertNoTempFiles(out.resolve("sluice_types"));
    }

    @Test
    void aGlobThatMatchesNothingIsOneSentence(TestDb db) {
        Cli.Run r = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "zz*",
                "--out-dir", dir.toString(), "--no-progress");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("No table of the database sluice_types matches 'zz*'."), r.out());
    }

    @Test
    void namesThatCannotBeFileNamesAreEscapedReversibly(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS `sluice_names`",
                "CREATE TABLE IF NOT EXISTS `sluice_names`.`a/b` (id INT PRIMARY KEY)", "INSERT IGNORE INTO `sluice_names`.`a/b` VALUES (1)",
                "CREATE TABLE IF NOT EXISTS `sluice_names`.`..` (id INT PRIMARY KEY)", "INSERT IGNORE INTO `sluice_names`.`..` VALUES (2)",
                "CREATE TABLE IF NOT EXISTS `sluice_names`.`100%` (id INT PRIMARY KEY)",
                "CREATE OR REPLACE VIEW `sluice_names`.`v` AS SELECT id FROM `sluice_names`.`a/b`");
        Path out = dir.resolve("names");
        Cli.Run r = sluice("export", "--dsn", dsn(db, "sluice_names"), "--ssl-mode", "disabled", "--table", "*",
                "--out-dir", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err() + r.out());
        Path folder = out.resolve("sluice_names");
        for (String[] f : new String[][] {{"a%2Fb.parquet", "sluice_names.a/b"}, {"%2E%2E.parquet", "sluice_names..."},
            {"100%25.parquet", "sluice_names.100%"}, {"v.parquet", "sluice_names.v"}}) {
            Path file = folder.resolve(f[0]);
            assertTrue(Files.exists(file), f[0] + " in " + r.out());
            assertEquals(f[1], ParquetFiles.footer(file).getFileMetaData().getKeyValueMetaData().get("sluice.source"));
        }
        assertTrue(r.out().contains("sluice_names.a/b is in a%2Fb.parquet (escaped"), r.out());
    }

    @Test
    void aSavedJobRunsAgainAndGivesTheSameFiles(TestDb db) throws Exception {
        Path out = dir.resolve("jobout");
        Path job = dir.resolve("nightly.json");
        Cli.Run first = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints",
                "--table", "temporal", "--columns", "id", "--where", "id < 4", "--map", "id=int64", "--compression", "snappy",
                "--out-dir", out.toString(), "--save-job", job.toString(), "--no-progress");
        assertEquals(0, first.code(), first.err() + first.out());
        String saved = Files.readString(job);
        Leaks.assertNotIn("the job file", saved);
        assertTrue(saved.contains("\"version\" : 1") && saved.contains("\"where\" : \"id < 4\""), saved);
        List<String> before = contents(out);
        deleteTree(out);

        Cli.Run again = sluice("run", job.toString(), "--no-progress");
        assertEquals(0, again.code(), again.err() + again.out());
        assertEquals(before, contents(out), "the same files, row by row");
        assertTrue(again.out().strip().endsWith("Wrote 2 of 2 tables."), again.out());
        assertTrue(contents(out).get(0).contains("int64") || !contents(out).isEmpty());
    }

    /**
     * Several tables, each over two connections into its own file: the values exact, and a table without
     * a key read as one stream with the sentence saying so. Saved as a job, the connections go with each
     * table, and the job runs again over them.
     */
    @Test
    void severalTablesEachOverTwoConnectionsAndTheJobKeepsThem(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_jobkey", "DROP TABLE IF EXISTS sluice_jobkey.nokey",
                "CREATE TABLE sluice_jobkey.nokey (a INT, b VARCHAR(10))", "INSERT INTO sluice_jobkey.nokey VALUES (1, 'x'), (2, NULL)");
        Path out = dir.resolve("two");
        Path job = dir.resolve("two.json");
        Cli.Run r = sluice("export", "--dsn", dsn(db, ""), "--ssl-mode", "disabled", "--table", "sluice_types.ints",
                "--table", "sluice_types.temporal", "--table", "sluice_jobkey.nokey", "--parallel", "2", "--out-dir", out.toString(),
                "--save-job", job.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Wrote 3 of 3 tables."), r.out());
        assertTrue(r.out().contains("  sluice_jobkey.nokey: The table has no one-column primary key or unique NOT NULL column of integers,"
                + " decimals or dates to cut it by, so it was read as one stream."), r.out());
        Cli.Run json = sluice("export", "--dsn", dsn(db, ""), "--ssl-mode", "disabled", "--table", "sluice_jobkey.nokey", "--table",
                "sluice_types.ints", "--parallel", "2", "--out-dir", dir.resolve("json").toString(), "--no-progress", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().matches("(?s).*\"table\":\"nokey\"[^}]*\"note\":\"The table has no one-column primary key.*"), json.out());
        try (Connection c = db.connect()) {
            for (String t : List.of("ints", "temporal")) {
                ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", t, "id", out.resolve("sluice_types/" + t + ".parquet"));
                assertTrue(report.mismatches().isEmpty(), () -> t + ": " + String.join("\n", report.mismatches()));
            }
        }
        String saved = Files.readString(job);
        assertEquals(3, saved.split("\"connections\" : 2", -1).length - 1, saved);
        List<String> before = contents(out);
        deleteTree(out);
        Cli.Run again = sluice("run", job.toString(), "--no-progress");
        assertEquals(0, again.code(), again.err() + again.out());
        assertEquals(before, contents(out), "the same files, row by row");
        assertTrue(again.out().contains("sluice_jobkey.nokey: The table has no one-column primary key"), again.out());
    }

    /** One table over two connections into one file is a job too; a folder of parts is refused in one sentence. */
    @Test
    void aParallelExportIntoOneFileIsSavedAsAJobButAFolderOfPartsIsNot(TestDb db) throws Exception {
        Path file = dir.resolve("ints.parquet");
        Path job = dir.resolve("ints.json");
        Cli.Run r = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints", "--parallel", "3",
                "--out", file.toString(), "--save-job", job.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(Files.readString(job).contains("\"connections\" : 3"), Files.readString(job));
        Files.delete(file);
        Cli.Run again = sluice("run", job.toString(), "--no-progress");
        assertEquals(0, again.code(), again.err() + again.out());
        try (Connection c = db.connect()) {
            ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", "ints", "id", file);
            assertTrue(report.mismatches().isEmpty(), () -> String.join("\n", report.mismatches()));
        }
        Cli.Run parts = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints", "--parallel",
                "2", "--out", dir.resolve("ints-parts").toString(), "--save-job", dir.resolve("parts.json").toString(), "--no-progress");
        assertEquals(2, parts.code(), parts.err());
        assertEquals("--save-job saves exports into files; a folder of parts (--max-rows-per-file, --max-file-size, --chunk, --resume,"
                + " or --parallel into a folder) cannot be saved as a job yet.", parts.err().strip());
        assertFalse(Files.exists(dir.resolve("parts.json")) || Files.exists(dir.resolve("ints-parts")));
    }

    /** Nothing listens on port 1: the first table says why, the others are not tried (each would wait for the same). */
    @Test
    void aServerThatCannotBeReachedIsTriedOnce() {
        Cli.Run r = sluice("export", "--dsn", "mysql://root@127.0.0.1:1/", "--ssl-mode", "disabled", "--table", "a.one",
                "--table", "a.two", "--table", "a.three", "--out-dir", dir.resolve("none").toString(), "--no-progress");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("a.one: Nothing answered at 127.0.0.1:1"), r.out());
        assertTrue(r.out().contains("a.two: Not tried: no connection could be opened for a.one."), r.out());
        assertTrue(r.out().contains("a.three: Not tried: no connection could be opened for a.one."), r.out());
        assertTrue(r.out().contains("Wrote 0 of 3 tables; 3 failed."), r.out());
        // each table over two connections: the same (the ranges' first connection is the one that fails)
        Cli.Run parallel = sluice("export", "--dsn", "mysql://root@127.0.0.1:1/", "--ssl-mode", "disabled", "--table", "a.one",
                "--table", "a.two", "--parallel", "2", "--out-dir", dir.resolve("none2").toString(), "--no-progress");
        assertEquals(1, parallel.code(), parallel.err());
        assertTrue(parallel.out().contains("a.two: Not tried: no connection could be opened for a.one."), parallel.out());
    }

    @Test
    void aBrokenOrStaleJobIsOneSentenceNamingWhatIsWrong(TestDb db) throws Exception {
        Path job = dir.resolve("job.json");
        Cli.Run saved = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints",
                "--out", dir.resolve("ints.parquet").toString(), "--save-job", job.toString(), "--no-progress");
        assertEquals(0, saved.code(), saved.err());
        String text = Files.readString(job);

        Files.writeString(job, text.replace("\"version\" : 1", "\"version\" : 7"));
        Cli.Run version = sluice("run", job.toString());
        assertEquals(1, version.code());
        assertEquals("The job file job.json is version 7; this Sluice reads version 1.", version.err().strip());

        Files.writeString(job, text.replace("\"table\" : \"ints\"", "\"table\" : \"ints\", \"tabel\" : \"x\""));
        Cli.Run field = sluice("run", job.toString());
        assertEquals(1, field.code());
        assertEquals("The job file job.json has a field Sluice does not know: 'tabel' at exports[0].", field.err().strip());

        Files.writeString(job, text.replaceFirst("\"rowGroupMb\" : [0-9]+", "\"rowGroupMb\" : 99999999999"));
        Cli.Run huge = sluice("run", job.toString());
        assertEquals(1, huge.code());
        assertEquals("The job file job.json has a number out of range for its field at rowGroupMb.", huge.err().strip());

        for (String[] c : new String[][] {{"0", "; give 1 to 64."}, {"2, \"limit\" : 5", ", which takes a table without a 'limit'."}}) {
            Files.writeString(job, text.replace("\"table\" : \"ints\"", "\"table\" : \"ints\", \"connections\" : " + c[0]));
            Cli.Run connections = sluice("run", job.toString());
            assertEquals(1, connections.code(), connections.err());
            assertEquals("The job file job.json: The export of table 'ints' has 'connections' " + c[0].substring(0, 1) + c[1],
                    connections.err().strip());
        }

        // written by hand: a password in the job's DSN is refused, and not repeated
        Files.writeString(job, text.replace("mysql://sluice@", "mysql://sluice:hunter2@"));
        Cli.Run withPassword = sluice("run", job.toString(), "--no-progress");
        assertEquals(1, withPassword.code(), withPassword.err());
        assertEquals("The job file job.json has a password in connection.dsn: remove it (job files never hold one) and give it"
                + " with --password-stdin or SLUICE_PASSWORD, or type it in the window.", withPassword.err().strip());
        assertFalse((withPassword.out() + withPassword.err()).contains("hunter2"));
        Files.writeString(job, text.replaceFirst("(\"dsn\" : \"[^\"]*)\"", "$1?ssl=true\""));
        Cli.Run withOptions = sluice("run", job.toString(), "--no-progress");
        assertEquals(1, withOptions.code(), withOptions.err());
        assertEquals("The job file job.json has a connection.dsn Sluice cannot use: Sluice does not read options in the DSN (ssl):"
                + " remove them; TLS and the connect timeout have settings of their own.", withOptions.err().strip());

        Files.writeString(job, text);
        Cli.Run badDsn = sluice("run", job.toString(), "--dsn", "mysql://u@h:99999/x");
        assertEquals(2, badDsn.code(), "a mistake on the command line, not in the job file: " + badDsn.err());
        assertEquals("The port in the DSN must be a number from 1 to 65535. Run 'sluice run --help' for the options.",
                badDsn.err().strip());

        Cli.Run elsewhere = sluice("run", job.toString(), "--dsn", dsn(db, ""), "--no-progress");
        assertEquals(0, elsewhere.code(), "--dsn points a job at another server: " + elsewhere.err() + elsewhere.out());
        assertFalse(elsewhere.out().contains("escaped"), "nothing was escaped: " + elsewhere.out());

        Files.writeString(job, text.replace("\"table\" : \"ints\"", "\"table\" : \"gone_since\""));
        Cli.Run gone = sluice("run", job.toString(), "--json");
        assertEquals(1, gone.code());
        assertTrue(gone.out().contains("\"error\":\"The table sluice_types.gone_since does not exist (or you may not see it).\""),
                gone.out());
    }

    private static List<String> contents(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                out.add(root.relativize(f) + ": " + ParquetFiles.schema(f) + ParquetFiles.rows(f));
            }
        }
        return out;
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(root));
    }

    @Test
    void aTableMatchedTwiceIsWrittenOnce(TestDb db) throws Exception {
        Cli.Run r = sluice("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints", "--table", "in*",
                "--out-dir", dir.resolve("twice").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().strip().endsWith("Wrote 1 of 1 table."), r.out());
    }

    @Test
    void aTableTheUserMayNotReadFailsAloneAndSaysWhy(TestDb db) throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            db.exec("CREATE USER IF NOT EXISTS 'partial'@'" + host + "' IDENTIFIED BY 'p-pass'",
                    "GRANT SELECT ON sluice_types.ints TO 'partial'@'" + host + "'",
                    "GRANT SELECT ON sluice_types.nums TO 'partial'@'" + host + "'");
        }
        Path out = dir.resolve("partial");
        Cli.Run r = Cli.run("p-pass\n", "export", "--dsn", "mysql://partial@" + db.host() + ":" + db.port() + "/sluice_types",
                "--ssl-mode", "disabled", "--password-stdin", "--table", "ints", "--table", "temporal", "--table", "nums",
                "--out-dir", out.toString(), "--no-progress");
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(Files.exists(out.resolve("sluice_types/ints.parquet")) && Files.exists(out.resolve("sluice_types/nums.parquet")));
        assertFalse(Files.exists(out.resolve("sluice_types/temporal.parquet")));
        assertTrue(r.out().contains("sluice_types.temporal: The table sluice_types.temporal does not exist (or you may not see it)."),
                r.out());
    }
}
