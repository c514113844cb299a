package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: exit codes, one sentence on failure, the password only through safe channels. */
@ExtendWith(MariaDbExtension.class)
class CliIT {
    @TempDir
    Path dir;

    private static Cli.Run run(String stdin, String... args) {
        return Cli.run(stdin, args);
    }

    private static String dsn(TestDb db) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_types";
    }

    /** Column names are case-insensitive on the server: so in --columns and --map, and the file keeps the table's own names. */
    @Test
    void columnNamesAreMatchedAsTheServerDoesIgnoringCase(TestDb db) throws Exception {
        Path out = dir.resolve("upper.parquet");
        Cli.Run r = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--columns", "ID,Biu", "--map", "BIU=decimal", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals("message schema {\n  required int32 id (INTEGER(32,true));\n  optional fixed_len_byte_array(9) biu (DECIMAL(20,0));\n}\n",
                ParquetFiles.schema(out).toString());
        Cli.Run twice = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--columns", "id,ID", "--out", dir.resolve("twice.parquet").toString(), "--no-progress");
        assertEquals(1, twice.code(), twice.out());
        assertEquals("The column 'ID' is listed twice.", twice.err().strip());
        Cli.Run mappedTwice = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--map", "biu=decimal", "--map", "BIU=utf8", "--out", dir.resolve("twice.parquet").toString(),
                "--no-progress");
        assertEquals(1, mappedTwice.code(), mappedTwice.out());
        assertEquals("The column 'biu' is mapped twice.", mappedTwice.err().strip());
    }

    @Test
    void exportWithPasswordFromStdinWritesTheFileAndJsonSummary(TestDb db) throws Exception {
        Path out = dir.resolve("ints.parquet");
        Cli.Run r = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--out", out.toString(), "--json", "--compression", "snappy", "--map", "t1=bool", "--where", "t1 IN (0, 1) OR t1 IS NULL");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"rows\":2"), r.out()); // ids 3 (0) and 4 (NULL)
        assertTrue(r.out().contains("\"arrowType\":\"Bool\""), r.out());
        // the rate is over the streaming time, which the JSON gives beside the whole time
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"streamingSeconds\":([0-9.Ee-]+),\"rowsPerSecond\":(\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(Math.round(2 / Double.parseDouble(m.group(1))), Long.parseLong(m.group(2)), r.out());
        assertEquals(2, ParquetFiles.rows(out).size());
        assertFalse(r.out().contains(TestDb.PASSWORD) || r.err().contains(TestDb.PASSWORD));
    }

    @Test
    void probeListsColumnsWithTheirMappings(TestDb db) {
        Cli.Run r = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--table", "nums");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Decimal256(65, 30)"), r.out());
        assertTrue(r.out().contains("FIXED_LEN_BYTE_ARRAY(32) DECIMAL(65,30)"), r.out());
    }

    /**
     * A byte stored in an ascii column past the server's checks has no character: the server sends it
     * as '?', so that is what the file holds, and the column's mapping says so; a latin1 column's
     * every byte has a character and says nothing.
     */
    @Test
    void textInACharacterSetWithGapsIsWrittenAsTheServerSendsItAndSaysSo(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_charsets", "DROP TABLE IF EXISTS sluice_charsets.codes",
                "CREATE TABLE sluice_charsets.codes (id INT PRIMARY KEY, a VARCHAR(10) CHARACTER SET ascii,"
                        + " l VARCHAR(10) CHARACTER SET latin1, s VARCHAR(10) CHARACTER SET sjis, u VARCHAR(10) CHARACTER SET ucs2)",
                // 0x81AD: a two-byte sjis code the server stores and has no Unicode character for
                // ucs2 D800: half of a surrogate pair, which the server would send as bytes that are not UTF-8
                "INSERT INTO sluice_charsets.codes VALUES (1, _binary 0x41E942, _binary 0x41E942, _binary 0x4181AD42,"
                        + " _binary 0x0041D8000042)");
        String note = "The server converts this ascii text to UTF-8: a stored byte that ascii has no character for arrives as '?'.";
        Cli.Run probe = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "sluice_charsets.codes", "--json");
        assertEquals(0, probe.code(), probe.err());
        assertTrue(probe.out().contains(note), probe.out());
        assertTrue(probe.out().contains("The server converts this sjis text to UTF-8: a stored code that sjis has no character for"
                + " arrives as '?'."), probe.out());
        assertEquals(2, probe.out().split("has no character for", -1).length - 1, probe.out()); // not on latin1
        assertTrue(probe.out().contains("A stored ucs2 code from D800 to DFFF is half of a pair, not a character: it arrives as '?'."),
                probe.out());
        // a query's column keeps its table's character set; an expression's text comes converted already
        Cli.Run query = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--query", "SELECT a, CONCAT(a, '') AS b FROM sluice_charsets.codes", "--json");
        assertEquals(0, query.code(), query.err());
        assertTrue(query.out().contains(note), query.out());
        assertEquals(1, query.out().split("has no character for", -1).length - 1, query.out());
        Path out = dir.resolve("codes.parquet");
        Cli.Run export = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "sluice_charsets.codes", "--out", out.toString(), "--no-progress");
        assertEquals(0, export.code(), export.err());
        Group row = ParquetFiles.rows(out).get(0);
        assertEquals("A?B", row.getString("a", 0));
        assertEquals("AéB", row.getString("l", 0));
        assertEquals("A?B", row.getString("s", 0));
        assertEquals("A?B", row.getString("u", 0)); // valid UTF-8, where the server's own conversion gave ED A0 80
    }

    /** Personal data by the column's name, as the window flags it: in the table and in --json. */
    @Test
    void probeFlagsPersonalDataByName(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_piicli", "DROP TABLE IF EXISTS sluice_piicli.people",
                "CREATE TABLE sluice_piicli.people (id INT PRIMARY KEY, email VARCHAR(100), mobile VARCHAR(20), score INT)");
        Cli.Run r = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--table",
                "sluice_piicli.people");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("email ") && l.matches(".*\\bemail\\b.*\\bemail\\b.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mobile ") && l.contains("phone")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("score ") && !l.contains("phone") && !l.contains("email")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("pii") && l.startsWith("column")), r.out());
    }

    /** The preview's cap is mentioned only when it cut the rows short. */
    @Test
    void aPreviewOfASmallTableSaysNothingOfTheCap(TestDb db) {
        Cli.Run r = run(TestDb.PASSWORD + "\n", "preview", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--table", "ints",
                "--limit", "20000");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err().strip());
    }

    /** The table cuts long notes short, and says where they are whole. */
    @Test
    void probeSaysWhereTheNotesItCutAreWhole(TestDb db) {
        Cli.Run r = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--table", "temporal");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("…"), r.out());
        assertTrue(r.out().strip().endsWith("(… marks text cut short; --json prints it whole.)"), r.out());
        Cli.Run json = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--table",
                "temporal", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().matches("(?s).*\"note\": ?\"[^\"]{61,}\".*"), json.out());
        Cli.Run plain = run(TestDb.PASSWORD + "\n", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin", "--query",
                "SELECT 1 AS one");
        assertEquals(0, plain.code(), plain.err());
        assertFalse(plain.out().contains("--json prints it whole"), plain.out()); // nothing was cut there
    }

    /** A database that is not there is said so, as an export of one of its tables says, not an empty list. */
    @Test
    void probeOfADatabaseThatIsNotThereSaysSo(TestDb db) {
        String nowhere = dsn(db).replace("/sluice_types", "/sluice_nowhere");
        Cli.Run r = run(TestDb.PASSWORD + "\n", "probe", "--dsn", nowhere, "--ssl-mode", "disabled", "--password-stdin");
        assertEquals(1, r.code(), r.out());
        assertEquals("The database sluice_nowhere does not exist (or you may not see it).", r.err().strip());
        assertEquals("", r.out());
        Cli.Run glob = run(TestDb.PASSWORD + "\n", "export", "--dsn", nowhere, "--ssl-mode", "disabled", "--password-stdin",
                "--table", "x*", "--out-dir", dir.toString());
        assertTrue(glob.out().contains("No table of the database sluice_nowhere matches 'x*'."), glob.out() + glob.err());
    }

    @Test
    void previewShowsRowsAsTheyWouldBeWritten(TestDb db) {
        Cli.Run r = run(TestDb.PASSWORD + "\n", "preview", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "temporal", "--columns", "id,dt6", "--where", "id = 2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("9999-12-31 23:59:59.999999"), r.out());
    }

    @Test
    void aWrongPasswordIsOneSentenceAndExitOne(TestDb db) throws Exception {
        Path out = Files.writeString(dir.resolve("keep.parquet"), "old");
        Cli.Run r = run("not-" + TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--out", out.toString());
        assertEquals(1, r.code());
        assertEquals("The server at " + db.host() + ":" + db.port() + " refused the user name or password.", r.err().strip());
        assertEquals("old", Files.readString(out));
    }

    @Test
    void badUsageIsExitTwo(TestDb db) {
        assertEquals(2, run("", "export", "--dsn", dsn(db), "--table", "ints").code()); // no --out
        assertEquals(2, run("", "export", "--dsn", dsn(db), "--table", "ints", "--out", "x.parquet", "--compression", "lzma").code());
        Cli.Run r = run("", "probe", "--dsn", "postgres://x@y/z");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mysql:// or mariadb://"), r.err());
    }

    @Test
    void aPasswordGivenAsAValueIsRefusedAndNeverEchoed() {
        for (String[] args : new String[][] {
            {"export", "--dsn", "mysql://u@h/db", "--password", "hunter2-in-ps", "--table", "t", "--out", "x.parquet"},
            {"probe", "--dsn", "mysql://u@h/db", "--password=hunter2-in-ps"},
            {"preview", "-p", "hunter2-in-ps", "--dsn", "mysql://u@h/db", "--table", "t"}}) {
            Cli.Run r = run("", args);
            assertEquals(2, r.code(), r.err());
            assertEquals("-p and --password take no value (it would show in ps and the shell history): use -p alone to be asked,"
                    + " --password-stdin, or the SLUICE_PASSWORD environment variable.", r.err().strip());
            assertFalse((r.out() + r.err()).contains("hunter2-in-ps"));
        }
    }

    @Test
    void aMissingOptionIsOneSentenceWithAHelpHint() {
        Cli.Run r = run("", "export", "--dsn", "mysql://u@h/db", "--table", "t");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("'sluice export --help'"), r.err());
    }

    @Test
    void oneRowIsARow(TestDb db) {
        Path out = dir.resolve("one.parquet");
        Cli.Run r = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "ints", "--limit", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Wrote 1 row to "), r.out());
    }

    @Test
    void noSecretEchoesThroughAnyPasswordSpelling() {
        for (String[] args : new String[][] {
            {"export", "--dsn", "mysql://u@h/db", "--password-stdin", "hunter2-in-ps", "--table", "t", "--out", "x.parquet"},
            {"export", "--dsn", "mysql://u@h/db", "-p", "-hunter2-in-ps", "--table", "t", "--out", "x.parquet"},
            {"export", "--dsn", "mysql://u@h/db", "--table", "t", "--out", "x.parquet", "stray hunter2-in-ps"}}) {
            Cli.Run r = run("", args);
            assertEquals(2, r.code(), r.err());
            assertFalse((r.out() + r.err()).contains("hunter2-in-ps"), r.err());
        }
        Cli.Run job = run("", "--verbose", "run", "-p", "no-such-job.json");
        assertEquals(1, job.code(), "-p before the job file is the prompt flag, not a value: " + job.err());
    }

    @Test
    void aQualifiedTableWinsOverTheDsnsDatabase(TestDb db) {
        Cli.Run r = run(TestDb.PASSWORD + "\n", "preview", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "sluice_types.ints", "--columns", "id", "--limit", "1");
        assertEquals(0, r.code(), r.err());
        Cli.Run glob = run(TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--password-stdin",
                "--table", "sluice_types.in*", "--out-dir", dir.toString(), "--no-progress");
        assertEquals(0, glob.code(), glob.err() + glob.out());
        assertTrue(Files.exists(dir.resolve("sluice_types/ints.parquet")));
    }

    @Test
    void countsOfZeroAndWordsForNumbersAreOneSentenceEach() {
        String[][] cases = {
            {"--parallel", "0", "--parallel takes a number of connections, 1 to 64."},
            {"--parallel", "65", "--parallel takes a number of connections, 1 to 64."},
            {"--max-rows-per-file", "0", "--max-rows-per-file takes a number of rows, 1 or more."},
            {"--row-group-rows", "0", "--row-group-rows takes a number of rows, 1 or more."},
            {"--row-group-mb", "0", "--row-group-mb takes a size in MiB, 1 or more."},
            {"--limit", "abc", "Invalid value for option '--limit': 'abc' is not a whole number, or is too large. Run 'sluice export --help' for the options."},
            {"--map", "ti", "Value for option '--map' (COL=TYPE) should be in KEY=VALUE format but was ti. Run 'sluice export --help' for the options."}};
        for (String[] c : cases) {
            Cli.Run r = run("", "export", "--dsn", "mysql://u@h/db", "--table", "t", "--out", dir.resolve("x").toString(), c[0], c[1]);
            assertEquals(2, r.code(), r.err());
            assertEquals(c[2], r.err().strip());
        }
    }

    /** A Path drops the slash: 'dir/' would have been written as a file named dir (a new user's trial). */
    @Test
    void anOutEndingInASlashIsAFolderAndOneSentence() {
        String folder = dir.resolve("new") + "/";
        Cli.Run r = run("", "export", "--dsn", "mysql://u@h/db", "--table", "shop.orders", "--out", folder);
        assertEquals(2, r.code(), r.err());
        assertEquals("--out " + folder + " names a folder; give the file's name in it (such as " + folder + "orders.parquet),"
                + " or --out-dir for several tables.", r.err().strip());
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void anOutFileAndAnOutFolderTogetherAreOneSentence() {
        Cli.Run r = run("", "export", "--dsn", "mysql://u@h/db", "--table", "t", "--out", dir.resolve("y.parquet").toString(),
                "--out-dir", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("Give either --out FILE or --out-dir DIR, not both.", r.err().strip());
    }

    @Test
    void mistakesAreNamedWithASuggestion() {
        Cli.Run r = run("", "export", "--dsn", "mysql://u@h/db", "--tabel", "orders", "--out", "x.parquet");
        assertEquals(2, r.code());
        assertEquals("Unknown option --tabel. Did you mean --table? Run 'sluice export --help' for the options.", r.err().strip());
        Cli.Run sub = run("", "exprt", "--dsn", "mysql://u@h/db", "--table", "orders");
        assertEquals(2, sub.code());
        assertTrue(sub.err().startsWith("Unknown command 'exprt'. Did you mean export"), sub.err());
        Cli.Run swapped = run("", "exprot", "--dsn", "mysql://u@h/db", "--table", "orders");
        assertTrue(swapped.err().startsWith("Unknown command 'exprot'. Did you mean export or "), swapped.err()); // nearest first
    }

    @Test
    void aMissingPasswordIsSaidWithWhereToGiveIt(TestDb db) {
        Cli.Run r = run("", "probe", "--dsn", dsn(db), "--ssl-mode", "disabled");
        assertEquals(1, r.code());
        assertTrue(r.err().strip().endsWith("No password was given: type one, or use -p, --password-stdin or SLUICE_PASSWORD."), r.err());
    }
}
