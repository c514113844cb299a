package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.BOOL;
import static io.sluice.core.types.MappingTarget.FIXED_BINARY;
import static io.sluice.core.types.MappingTarget.INT64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import java.util.EnumSet;
import java.util.Set;

/** BIT(n): Bool for BIT(1), else the bits as UInt64; Int64 below 64 bits or fixed-size bytes on request. */
final class BitRule extends TypeRule {
    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        int n = c.type().length();
        Set<MappingTarget> out = EnumSet.noneOf(MappingTarget.class);
        if (n < 64) {
            out.add(INT64);
        }
        if (n > 1) {
            out.add(FIXED_BINARY);
        }
        return out;
    }

    @Override
    String refusal(ColumnInfo c, MappingTarget target) {
        if (target == BOOL && c.type().length() == 1) {
            return "BIT(1) is a boolean already.";
        }
        return target == UTF8 ? BinaryRule.NOT_TEXT : super.refusal(c, target);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        int n = c.type().length();
        if (target == INT64) {
            return mapping(c, INT64, Encoding.integer(64, true), Readers.bitAsInteger()).build();
        }
        if (target == FIXED_BINARY) {
            int bytes = (n + 7) / 8;
            return mapping(c, FIXED_BINARY, Encoding.fixedBinary(bytes), Readers.bitAsFixedBinary(bytes)).build();
        }
        if (n == 1) {
            return mapping(c, target, Encoding.bool(), Readers.bitAsBool()).build();
        }
        return mapping(c, target, Encoding.integer(64, false), Readers.bitAsInteger()).build();
    }
}
