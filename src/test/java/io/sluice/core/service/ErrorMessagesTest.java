package io.sluice.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures without a server: each becomes one sentence that names what to do. */
class ErrorMessagesTest {
    /** The installed app has no MariaDB of its own: its demo says what to install, not "something unexpected". */
    @Test
    void aDemoWithoutMariaDbSaysWhatToInstall() {
        String said = "The demo database needs MariaDB: install the 'mariadb-server' package.";
        assertEquals(said, ErrorMessages.describe(new io.sluice.core.server.ServerUnavailableException(said), null));
        assertEquals(said, ErrorMessages.wrap(new IllegalStateException("start",
                new io.sluice.core.server.ServerUnavailableException(said)), null, "filter").getMessage());
    }

    @Test
    void aFileThatCannotBeCreatedNamesItsFolder() {
        assertEquals("Sluice could not create a file in the folder /proc; choose another folder.",
                ErrorMessages.describe(new NoSuchFileException("/proc/x.parquet.sluice-tmp-0a1b2c"), null));
    }

    @Test
    void aFullDiskStillSaysSoAndOtherFilesAreNotCalledAFolderProblem() {
        assertEquals("The disk is full; free some space or choose another folder. The target file was left as it was.",
                ErrorMessages.describe(new FileSystemException("/data/x.parquet.sluice-tmp-0a1b2c", null, "No space left on device"), null));
        String other = ErrorMessages.describe(new FileSystemException("/data/job/_sluice_manifest.lock", null, "Too many open files"), null);
        assertTrue(other.startsWith("Something unexpected went wrong"), other); // not "could not create a file in the folder"
        assertTrue(other.endsWith("; the log file " + System.getProperty("sluice.log.file", io.sluice.core.AppPaths.logFile().toString())
                + " has the details."), "names the log file: " + other);
    }

    /** A server error without a sentence of its own is said in the server's words; the driver's own errors are not. */
    @Test
    void aServersOwnErrorIsItsWordsButTheDriversIsNot() {
        assertEquals("The server reported an error: Lock wait timeout exceeded; try restarting transaction.", ErrorMessages.describe(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205), null));
        assertEquals("The server reported an error: BIGINT UNSIGNED value is out of range in '`d`.`t`.`bu` * 2'.", ErrorMessages.describe(
                new SQLException("Data truncation: BIGINT UNSIGNED value is out of range in '`d`.`t`.`bu` * 2'", "22003", 1690), null));
        for (SQLException driver : new SQLException[] {
            new SQLException("Value '18446744073709551615' is outside of valid range for type java.lang.Long", "22003", 0),
            new SQLException("Some client-side failure quoting 'a value'", "S1000", 2027)}) {
            String said = ErrorMessages.describe(driver, null);
            assertTrue(said.startsWith("Something unexpected went wrong") && !said.contains("'"), said);
        }
    }

    @Test
    void twoColumnsOfOneNameAreNamedWithTheFix() {
        SQLException dup = new SQLException("Duplicate column name 'id'", "42S21", 1060);
        assertEquals("The query gives two columns the same name 'id'; name them apart with AS.",
                ErrorMessages.describe(dup, null, "query"));
    }

    @Test
    void aWriteIsNamedAsTheQueryOrTheFilterThatTriedIt() {
        SQLException readOnly = new SQLException("Cannot execute statement in a READ ONLY transaction", "25006", 1792);
        assertEquals("The query tried to change data or lock rows (FOR UPDATE); Sluice only reads.", ErrorMessages.describe(readOnly, null, "query"));
        assertEquals("The filter tried to change data or lock rows (FOR UPDATE); Sluice only reads.", ErrorMessages.describe(readOnly, null, "filter"));
    }

    @Test
    void theServersOwnNamesAreKeptAndAMissingDatabaseSaysWhereToNameIt() {
        assertEquals("The table trial.nope does not exist (it may have been dropped or renamed).",
                ErrorMessages.describe(new SQLException("Table 'trial.nope' doesn't exist", "42S02", 1146), null, "query"));
        assertEquals("The table db.o'brien does not exist (it may have been dropped or renamed).",
                ErrorMessages.describe(new SQLException("Table 'db.o'brien' doesn't exist", "42S02", 1146), null, "query"));
        assertEquals("No database is selected: name one in the DSN (mysql://host:3306/db) or write the tables as db.table.",
                ErrorMessages.describe(new SQLException("No database selected", "3D000", 1046), null, "query"));
        assertEquals("The view trial.v_odd refers to tables, columns or functions that no longer exist, or that its definer"
                + " may not use; the server cannot read it.", ErrorMessages.describe(new SQLException("View 'trial.v_odd' references"
                + " invalid table(s) or column(s) or function(s) or definer/invoker of view lack rights to use them", "HY000", 1356),
                null, "query"));
    }
}
