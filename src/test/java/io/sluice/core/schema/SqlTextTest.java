package io.sluice.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void theFirstWordComesAfterCommentsAndParentheses() {
        assertEquals("SELECT", SqlText.firstWord("select 1"));
        assertEquals("SELECT", SqlText.firstWord("/* hi */ (SELECT id FROM small) UNION ALL (SELECT 7)"));
        assertEquals("WITH", SqlText.firstWord("-- totals by day\n  with t AS (SELECT 1) SELECT * FROM t"));
        assertEquals("SELECT", SqlText.firstWord("# a note\n((select 1))"));
        assertEquals("DELETE", SqlText.firstWord("/* not a select */ DELETE FROM t"));
        assertEquals("", SqlText.firstWord("  /* only a comment */ "));
    }

    /** The server runs what an executable comment holds, so it is code here too; a plain comment is not. */
    @Test
    void anExecutableCommentIsCode() {
        assertEquals("DELETE", SqlText.firstWord("/*!DELETE FROM t */"));
        assertEquals("SELECT", SqlText.firstWord("/*!50100 SELECT */ 1"));
        assertEquals("UPDATE", SqlText.firstWord("/*M!100500 UPDATE t SET a = 1 */"));
        assertTrue(SqlText.hasTopLevelWord("SELECT a FROM t ORDER BY a /*!LIMIT 5 */", "LIMIT"));
        assertTrue(SqlText.hasTopLevelWord("SELECT a FROM t /*!40000 FOR UPDATE */", "FOR"));
        assertFalse(SqlText.hasTopLevelWord("SELECT a FROM t /* LIMIT 5 */", "LIMIT"));
        assertTrue(SqlText.hasSecondStatement("SELECT 1 /*!; DROP TABLE x */"));
        assertFalse(SqlText.hasSecondStatement("SELECT 1 /*!50100 ; */"));
        assertEquals("SELECT 1 /*! a */", SqlText.withoutFinalSeparator("SELECT 1 /*! a */;"));
        assertFalse(SqlText.hasTopLevelWord("SELECT '/*!' AS a, b FROM t LIMIT 1", "ORDER"), "a marker inside quotes is text");
        assertTrue(SqlText.hasTopLevelWord("SELECT '/*!' AS a, b FROM t LIMIT 1", "LIMIT"));
    }
}
