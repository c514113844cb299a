package io.sluice.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
