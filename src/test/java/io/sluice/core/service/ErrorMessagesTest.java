package io.sluice.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures without a server: each becomes one sentence that names what to do. */
class ErrorMessagesTest {
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
        assertEquals("The query tried to change data; Sluice only reads.", ErrorMessages.describe(readOnly, null, "query"));
        assertEquals("The filter tried to change data; Sluice only reads.", ErrorMessages.describe(readOnly, null, "filter"));
    }
}
