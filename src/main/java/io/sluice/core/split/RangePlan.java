package io.sluice.core.split;

import io.sluice.core.schema.Identifiers;
import java.util.List;

/**
 * A key cut into ranges at boundary values: range 0 is {@code key < b1}, range i is
 * {@code bi <= key < bi+1}, the last is {@code key >= bn-1}. The first and last are open, so rows
 * added outside the bounds still land in a range.
 *
 * @param quoted whether boundaries are written as string literals (dates) or bare (numbers, which
 *     a string would turn into a DOUBLE and round)
 */
public record RangePlan(String key, boolean quoted, List<String> boundaries) {
    public RangePlan {
        boundaries = List.copyOf(boundaries);
    }

    public int ranges() {
        return boundaries.size() + 1;
    }

    /** The WHERE condition of range {@code i} (0-based), continuing after {@code after} when not null. */
    public String predicate(int i, String after) {
        String k = Identifiers.quote(key);
        StringBuilder sb = new StringBuilder();
        if (after != null) {
            sb.append(k).append(" > ").append(literal(after));
        } else if (i > 0) {
            sb.append(k).append(" >= ").append(literal(boundaries.get(i - 1)));
        }
        if (i < boundaries.size()) {
            sb.append(sb.length() > 0 ? " AND " : "").append(k).append(" < ").append(literal(boundaries.get(i)));
        }
        return sb.length() == 0 ? "1 = 1" : sb.toString();
    }

    public String literal(String value) {
        return quoted ? "'" + value.replace("\\", "\\\\").replace("'", "''") + "'" : value;
    }
}
