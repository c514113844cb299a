package io.sluice.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Aligned plain-text tables for the terminal, measured in the columns a terminal gives each
 * character: two for CJK and emoji, none for combining marks and joiners (after Markus Kuhn's
 * wcwidth), so that a column named naïve列 keeps the table straight.
 */
final class TextTable {
    private static final int MAX_CELL = 60;

    private TextTable() {}

    /** @return whether a cell was cut short (to {@code MAX_CELL} columns, ending in "…") */
    static boolean print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = width(cell(header.get(i)));
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], width(cell(r.get(i))));
            }
        }
        line(out, header, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        }
        out.println(rule);
        boolean cut = false;
        for (List<String> r : rows) {
            line(out, r, w);
            for (String c : r) {
                cut |= c != null && width(escaped(c)) > MAX_CELL;
            }
        }
        out.flush();
        return cut;
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cell(cells.get(i));
            sb.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(w[i] - width(c)));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String cell(String s) {
        if (s == null) {
            return "NULL";
        }
        String one = escaped(s);
        if (width(one) <= MAX_CELL) {
            return one;
        }
        StringBuilder kept = new StringBuilder();
        int w = 0;
        for (int i = 0; i < one.length(); ) {
            int cp = one.codePointAt(i);
            if (w + width(cp) > MAX_CELL - 1) {
                break;
            }
            kept.appendCodePoint(cp);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return kept.append('…').toString();
    }

    /** The terminal columns a string takes. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp >= 0x1F3FB && cp <= 0x1F3FF || cp == 0xFE0F) {
            return 0; // combining accents, the joiner and variation selector of emoji, skin tones
        }
        return wide(cp) ? 2 : 1;
    }

    /** East Asian wide and full-width characters, and the emoji blocks, as terminals draw them. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
                || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F680 && cp <= 0x1F6FF
                || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x1FA70 && cp <= 0x1FAFF
                || cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /**
     * On one line, and inert: line breaks and tabs as \n, \r and \t, every other control character
     * as \\u001b and the like, so that a value holding a terminal's escape sequence is shown, not obeyed.
     */
    private static String escaped(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String shown = switch (c) {
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (shown != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (shown != null) {
                    out.append(shown);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
