package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.FLOAT64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import java.util.EnumSet;
import java.util.Set;

/** FLOAT: Float32, or widened to Float64 on request. */
final class FloatRule extends TypeRule {
    /** The text protocol sends FLOAT rounded to 6 digits; as DOUBLE the exact value arrives. */
    private static final String EXACT = "CAST(%s AS DOUBLE)";

    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.of(FLOAT64, UTF8);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        if (target == FLOAT64) {
            return mapping(c, FLOAT64, Encoding.float64(), Readers.float64()).select(EXACT).build();
        }
        return mapping(c, target, Encoding.float32(), Readers.float32()).select(EXACT).build();
    }
}
