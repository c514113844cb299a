package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.INT64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import java.util.EnumSet;
import java.util.Set;

/** YEAR: a number (0, 1901..2155), not a date; Int16. */
final class YearRule extends TypeRule {
    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.of(INT64, UTF8);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        int bits = target == INT64 ? 64 : 16;
        return mapping(c, target, Encoding.integer(bits, true), Readers.integer(bits / 8)).build();
    }
}
