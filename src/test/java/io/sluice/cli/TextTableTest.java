package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void wideAndCombiningCharactersKeepTheColumnsStraight() {
        StringWriter text = new StringWriter();
        TextTable.print(new PrintWriter(text), List.of("column", "type"),
                List.of(List.of("naïve列", "int"), List.of("e\u0301te\u0301", "int"), List.of("👍🏽 ok", "int"), List.of("plain", "int")));
        List<String> lines = text.toString().lines().toList();
        int bar = TextTable.width(lines.get(0).substring(0, lines.get(0).indexOf('|')));
        for (String line : lines) {
            if (line.contains("|")) {
                assertEquals(bar, TextTable.width(line.substring(0, line.indexOf('|'))), "the bar moved in: " + line);
            }
        }
        assertEquals(7, TextTable.width("naïve列"));
        assertEquals(5, TextTable.width("👍🏽 ok"), "an emoji with its skin tone takes two columns");
        assertEquals(3, TextTable.width("e\u0301te\u0301".substring(0, 3) + "x"), "a combining accent takes no column");
    }

    @Test
    void aLongCellIsCutToTheColumnsItMayTake() {
        StringWriter text = new StringWriter();
        char[] wide = new char[100];
        Arrays.fill(wide, '列');
        boolean cut = TextTable.print(new PrintWriter(text), List.of("c"), List.of(List.of(new String(wide))));
        assertTrue(cut);
        String row = text.toString().lines().toList().get(2);
        assertTrue(TextTable.width(row) <= 60 && row.endsWith("…"), row + " takes " + TextTable.width(row));
    }

    @Test
    void aValueCannotSteerTheTerminal() {
        StringWriter text = new StringWriter();
        TextTable.print(new PrintWriter(text), List.of("v"), List.of(List.of("red\u001b[31m\u0007\u009b2J\nnext\ttab")));
        String row = text.toString().lines().toList().get(2);
        assertEquals("red\\u001b[31m\\u0007\\u009b2J\\nnext\\ttab", row);
        assertTrue(row.chars().noneMatch(Character::isISOControl), row);
    }
}
