package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;

/** DOUBLE (and REAL): Float64; the server's shortest round-trip text parses back exactly. */
final class DoubleRule extends TypeRule {
    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        return mapping(c, target, Encoding.float64(), Readers.float64()).build();
    }
}
