package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.DECIMAL;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.DecimalLayout;
import io.sluice.core.types.MappingTarget;

/** DECIMAL(p, s): exact; Decimal128 up to 38 digits, Decimal256 above ({@link DecimalLayout}). */
final class DecimalRule extends TypeRule {
    private static final String WIDE_NOTE = "Exact, but many readers stop at 38 digits (DuckDB reads it as DOUBLE);"
            + " map to utf8 to keep every digit readable everywhere.";

    @Override
    String refusal(ColumnInfo c, MappingTarget target) {
        return target == DECIMAL ? "it is a decimal already." : super.refusal(c, target);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        int p = c.type().precision();
        return mapping(c, target, Encoding.decimal(p, c.type().scale()), Readers.decimal(p))
                .note(p > DecimalLayout.MAX_DECIMAL128_DIGITS ? WIDE_NOTE : "").build();
    }
}
