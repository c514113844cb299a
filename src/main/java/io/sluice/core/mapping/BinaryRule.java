package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.TypeFamily;
import java.util.EnumSet;
import java.util.Set;

/**
 * BINARY(n) as fixed-size bytes (the server pads to n); VARBINARY, the BLOB family and BINARY(0) as
 * Binary. BINARY(0) holds only '' and NULL, and Parquet has no fixed size of 0 bytes (parquet-java
 * refuses it): variable-length bytes hold those two values exactly.
 */
final class BinaryRule extends TypeRule {
    static final String NOT_TEXT = "binary values are not text; they stay binary.";

    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.noneOf(MappingTarget.class);
    }

    @Override
    String refusal(ColumnInfo c, MappingTarget target) {
        return target == UTF8 ? NOT_TEXT : super.refusal(c, target);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        if (c.type().family() == TypeFamily.FIXED_BINARY && c.type().length() > 0) {
            return mapping(c, target, Encoding.fixedBinary(c.type().length()), Readers.fixedBytes()).build();
        }
        return mapping(c, target, Encoding.binary(), Readers.bytes()).build();
    }
}
