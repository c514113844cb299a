package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;

/**
 * DATE, DATETIME and TIMESTAMP: days or microseconds. A zero or partial date has no value in any
 * calendar, so it becomes NULL and is counted, and the column is nullable whatever it declares.
 */
final class DateRule extends TypeRule {
    private static final String ZERO_DATES = "Zero and partial dates (0000-00-00, 2024-00-15) and invalid dates become NULL"
            + " and are counted in the summary%s; map to utf8 to keep them as text.";
    private static final String ZERO_TIMESTAMP = "The zero timestamp 0000-00-00 00:00:00 becomes NULL and is counted in the summary%s.";
    /** For a NOT NULL column, whose "null: no" would otherwise contradict the file's optional column. */
    static final String OPTIONAL_ALTHOUGH_NOT_NULL = ", so the Parquet column is optional although NOT NULL here";

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        return switch (c.type().family()) {
            case DATE -> mapping(c, target, Encoding.date(), Readers.date()).nullable(true).note(note(c, ZERO_DATES)).build();
            // the session runs in UTC, so TIMESTAMP's text is the UTC instant
            case TIMESTAMP -> mapping(c, target, Encoding.timestamp("UTC"), Readers.timestamp()).nullable(true)
                    .note(note(c, ZERO_TIMESTAMP)).build();
            default -> mapping(c, target, Encoding.timestamp(null), Readers.timestamp()).nullable(true)
                    .note(note(c, ZERO_DATES)).build();
        };
    }

    private static String note(ColumnInfo c, String why) {
        return String.format(why, c.nullable() ? "" : OPTIONAL_ALTHOUGH_NOT_NULL);
    }
}
