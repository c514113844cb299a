package io.sluice.cli;

import java.io.PrintWriter;
import java.util.List;

/** Aligned plain-text tables for the terminal. */
final class TextTable {
    private static final int MAX_CELL = 60;

    private TextTable() {}

    /** @return whether a cell was cut short (to {@code MAX_CELL} characters, ending in "…") */
    static boolean print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = cell(header.get(i)).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], cell(r.get(i)).length());
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
                cut |= c != null && escaped(c).length() > MAX_CELL;
            }
        }
        out.flush();
        return cut;
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cell(cells.get(i));
            sb.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(w[i] - c.length()));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String cell(String s) {
        if (s == null) {
            return "NULL";
        }
        String one = escaped(s);
        return one.length() > MAX_CELL ? one.substring(0, MAX_CELL - 1) + "…" : one;
    }

    /** On one line: line breaks and tabs as \n, \r and \t. */
    private static String escaped(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
