package io.sluice.core.service;

import java.util.regex.Pattern;

/** A table name or a glob ({@code *}, {@code ?}) within one database. */
public record TablePattern(String database, String table) {

    public boolean isGlob() {
        return table.indexOf('*') >= 0 || table.indexOf('?') >= 0;
    }

    /** Names are compared exactly (case and all), as the server stores them. */
    public boolean matches(String name) {
        StringBuilder re = new StringBuilder();
        for (char c : table.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(name).matches();
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
