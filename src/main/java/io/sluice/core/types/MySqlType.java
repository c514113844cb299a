package io.sluice.core.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column type as the server states it in {@code information_schema.COLUMNS.COLUMN_TYPE}, e.g.
 * {@code int(10) unsigned}, {@code decimal(65,30)}, {@code enum('a','it''s')}, {@code datetime(6)}.
 *
 * @param columnType the text as the server shows it (shown to users unchanged)
 * @param dataType the bare name ({@code DATA_TYPE}), lower case
 * @param args the numbers in parentheses (length, precision and scale, fsp); empty if none
 * @param values the members of an ENUM or SET
 * @param json MariaDB stores JSON as LONGTEXT with a {@code json_valid} check; the probe sets this
 */
public record MySqlType(String columnType, String dataType, TypeFamily family, boolean unsigned,
                        List<Integer> args, List<String> values, boolean json) {

    public MySqlType {
        args = List.copyOf(args);
        values = List.copyOf(values);
    }

    public static MySqlType parse(String dataType, String columnType) {
        String ct = columnType.strip();
        String lower = ct.toLowerCase(Locale.ROOT);
        String dt = dataType == null || dataType.isBlank() ? baseName(lower) : dataType.toLowerCase(Locale.ROOT).strip();
        TypeFamily family = TypeFamily.of(dt);
        List<Integer> args = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int open = ct.indexOf('(');
        int close = open < 0 ? -1 : matchingClose(ct, open);
        if (open >= 0 && close > open) {
            String inside = ct.substring(open + 1, close);
            if (family == TypeFamily.ENUM || family == TypeFamily.SET) {
                values.addAll(quotedList(inside));
            } else {
                for (String part : inside.split(",")) {
                    try {
                        args.add(Integer.parseInt(part.strip()));
                    } catch (NumberFormatException ignored) {
                        // e.g. a MariaDB type with a non-numeric argument: keep what parses
                    }
                }
            }
        }
        String tail = close > 0 ? lower.substring(close + 1) : lower;
        boolean unsigned = tail.contains("unsigned");
        if (dt.equals("bool") || dt.equals("boolean")) {
            args = List.of(1);
        }
        return new MySqlType(ct, dt, family, unsigned,
                args, values, family == TypeFamily.JSON);
    }

    /** The same type, known to hold JSON (MariaDB's LONGTEXT + json_valid check). */
    public MySqlType asJson() {
        return new MySqlType(columnType, dataType, TypeFamily.JSON, unsigned, args, values, true);
    }

    public int arg(int i, int fallback) {
        return i < args.size() ? args.get(i) : fallback;
    }

    /** DECIMAL precision (MySQL's default is 10). */
    public int precision() {
        return arg(0, 10);
    }

    /** DECIMAL scale (default 0). */
    public int scale() {
        return arg(1, 0);
    }

    /** Fractional-second digits of TIME, DATETIME and TIMESTAMP (default 0). */
    public int fsp() {
        return arg(0, 0);
    }

    /** BIT width (default 1), BINARY length (default 1). */
    public int length() {
        return arg(0, 1);
    }

    /** {@code tinyint(1)} and BOOL: a flag by convention, though it holds -128..127. */
    public boolean looksBoolean() {
        return family == TypeFamily.TINYINT && !unsigned && args.size() == 1 && args.get(0) == 1;
    }

    @Override
    public String toString() {
        return columnType;
    }

    private static String baseName(String lower) {
        int end = 0;
        while (end < lower.length() && (Character.isLetter(lower.charAt(end)) || lower.charAt(end) == '_')) {
            end++;
        }
        return lower.substring(0, end);
    }

    private static int matchingClose(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled '' toggles twice and so stays quoted
            } else if (c == ')' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> quotedList(String inside) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (cur == null) {
                if (c == '\'') {
                    cur = new StringBuilder();
                }
            } else if (c == '\'') {
                if (i + 1 < inside.length() && inside.charAt(i + 1) == '\'') {
                    cur.append('\'');
                    i++;
                } else {
                    out.add(cur.toString());
                    cur = null;
                }
            } else if (c == '\\' && i + 1 < inside.length()) {
                cur.append(inside.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        return out;
    }
}
