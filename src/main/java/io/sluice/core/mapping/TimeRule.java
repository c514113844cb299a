package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.TIME64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import java.util.EnumSet;
import java.util.Set;

/** TIME: a signed duration up to ±838:59:59.999999, or a time of day on request. */
final class TimeRule extends TypeRule {
    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.of(TIME64, UTF8);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        if (target == TIME64) {
            return mapping(c, TIME64, Encoding.timeOfDay(), Readers.timeOfDay())
                    .note("The export stops with a clear message at a value outside 00:00:00 to 23:59:59.999999.").build();
        }
        return mapping(c, target, Encoding.duration(), Readers.timeAsDuration())
                .note("Parquet has no duration type: stored as INT64 microseconds; Arrow readers get Duration back"
                        + " from the embedded Arrow schema.").build();
    }
}
