package io.sluice.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceTest {
    private static String derived(String sql) {
        return Source.query(sql, "").asDerivedTable("q");
    }

    @Test
    void anOrderedQueryKeepsItsOrderAsADerivedTable() {
        assertEquals("(\nSELECT a FROM t ORDER BY a\nLIMIT 18446744073709551615\n) AS `q`", derived("SELECT a FROM t ORDER BY a;"));
        assertEquals("(\nSELECT a FROM t ORDER BY a LIMIT 5\n) AS `q`", derived("SELECT a FROM t ORDER BY a LIMIT 5"));
        assertEquals("(\nSELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY\n) AS `q`", derived("SELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY"));
        assertFalse(derived("SELECT a FROM t ORDER BY a FOR UPDATE").contains("LIMIT"), "no LIMIT after a locking clause");
        assertFalse(derived("SELECT a, ROW_NUMBER() OVER (ORDER BY b) FROM t").contains("LIMIT"), "an ORDER BY inside OVER is not the query's");
        assertFalse(derived("SELECT a FROM (SELECT a FROM t ORDER BY a) x").contains("LIMIT"));
        assertFalse(derived("SELECT 'ORDER BY' AS a FROM t -- ORDER BY a").contains("LIMIT"), "quotes and comments are not SQL");
    }

    @Test
    void oneStatementOnly() {
        assertTrue(SqlText.hasSecondStatement("SELECT 1; DROP TABLE x"));
        assertFalse(SqlText.hasSecondStatement("SELECT ';' AS a"));
        assertFalse(SqlText.hasSecondStatement("SELECT 1; -- done"));
        assertFalse(SqlText.hasSecondStatement("SELECT 1 /* ; */"));
        assertThrows(IllegalArgumentException.class, () -> Source.query(" ; ", ""));
        assertEquals("SELECT 1", Source.query("SELECT 1; -- done\n", "").sql());
        assertEquals("SELECT 1", Source.query("SELECT 1;;", "").sql());
        assertEquals("SELECT ';'", Source.query("SELECT ';'", "").sql());
    }
}
