package io.sluice.core.schema;

/** Just enough SQL lexing to see statements apart: quotes, backticks and comments are skipped. */
final class SqlText {
    private SqlText() {}

    /** Whether a {@code ;} outside quotes and comments is followed by anything but blanks and comments. */
    static boolean hasSecondStatement(String sql) {
        boolean separated = false;
        for (int i : code(sql)) {
            char c = sql.charAt(i);
            if (c == ';') {
                separated = true;
            } else if (separated && !Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement without a final {@code ;} when only blanks and comments follow it
     * ({@code SELECT 1; -- done} is {@code SELECT 1}); anything else is returned as it is.
     */
    static String withoutFinalSeparator(String sql) {
        int separator = -1;
        for (int i : code(sql)) {
            char c = sql.charAt(i);
            if (c == ';') {
                separator = separator < 0 ? i : separator;
            } else if (!Character.isWhitespace(c)) {
                separator = -1; // something follows: not a final separator
            }
        }
        return separator < 0 ? sql : sql.substring(0, separator).stripTrailing();
    }

    /**
     * The statement's first word in upper case, after blanks, comments and opening parentheses
     * ({@code /* totals *}{@code / (SELECT …} starts with SELECT); the first other character when no
     * word comes first, "" for none.
     */
    static String firstWord(String sql) {
        for (int i : code(sql)) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                continue;
            }
            int end = i;
            while (end < sql.length() && isWordChar(sql.charAt(end))) {
                end++;
            }
            return (end == i ? String.valueOf(c) : sql.substring(i, end)).toUpperCase(java.util.Locale.ROOT);
        }
        return "";
    }

    /** Whether {@code word} (a keyword, upper case) stands outside parentheses, quotes and comments. */
    static boolean hasTopLevelWord(String sql, String word) {
        int[] code = code(sql);
        int depth = 0;
        for (int k = 0; k < code.length; k++) {
            int i = code[k];
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int end = i;
                while (end < sql.length() && isWordChar(sql.charAt(end))) {
                    end++;
                }
                if (sql.substring(i, end).equalsIgnoreCase(word)) {
                    return true;
                }
                while (k + 1 < code.length && code[k + 1] < end) {
                    k++; // past the rest of this word
                }
            }
        }
        return false;
    }

    /**
     * The indexes of the characters that are code: outside quoted strings, quoted names and comments. The
     * text of an executable comment ({@code /*!50100 … *}{@code /}, MariaDB's {@code /*M! … *}{@code /}) is
     * code, since the server runs it: only its markers are left out.
     */
    private static int[] code(String sql) {
        int[] code = new int[sql.length()];
        int k = 0;
        boolean executable = false;
        for (int i = 0; i < sql.length(); i++) {
            if (executable && sql.startsWith("*/", i)) {
                executable = false;
                i++;
                continue;
            }
            int marker = executable ? -1 : executableCommentMarkerEnd(sql, i);
            if (marker >= 0) {
                executable = true;
                i = marker;
                continue;
            }
            int skipped = skip(sql, i);
            if (skipped >= 0) {
                i = skipped;
            } else {
                code[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(code, k);
    }

    /** When an executable comment opens at {@code i}, the index of its marker's last character (the version's digits included); else -1. */
    private static int executableCommentMarkerEnd(String sql, int i) {
        int j = sql.startsWith("/*!", i) ? i + 3 : sql.startsWith("/*M!", i) ? i + 4 : -1;
        if (j < 0) {
            return -1;
        }
        while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
            j++;
        }
        return j - 1;
    }

    /**
     * When a quoted string, a quoted name or a comment starts at {@code i}, the index of its last
     * character; else -1.
     */
    private static int skip(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            return closing(sql, i, c);
        }
        if (c == '#' || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2)))) {
            int eol = sql.indexOf('\n', i);
            return eol < 0 ? n - 1 : eol;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n - 1 : end + 1;
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index of the quote closing the one at {@code open} (a doubled quote or a backslash escapes). */
    private static int closing(String sql, int open, char quote) {
        for (int i = open + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return sql.length() - 1;
    }
}
