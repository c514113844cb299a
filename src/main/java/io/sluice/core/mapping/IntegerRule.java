package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.BOOL;
import static io.sluice.core.types.MappingTarget.DECIMAL;
import static io.sluice.core.types.MappingTarget.INT64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.MySqlType;
import io.sluice.core.types.TypeFamily;
import java.util.EnumSet;
import java.util.Set;

/** TINYINT, SMALLINT, MEDIUMINT, INT and BIGINT, signed or not: an Arrow Int of the same width and sign. */
final class IntegerRule extends TypeRule {
    private static final String UINT32_NOTE =
            "Readers without unsigned types see values above 2147483647 as negative; map to int64 for them.";
    private static final String UINT64_NOTE =
            "Readers without unsigned types see values above 9223372036854775807 as negative; map to decimal for them.";
    private static final String LOOKS_BOOLEAN_NOTE =
            "Looks like a boolean: written as Int8 so values 2..127 survive; map to bool if it only holds 0 and 1.";

    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        MySqlType t = c.type();
        if (t.family() == TypeFamily.BIGINT && t.unsigned()) {
            return EnumSet.of(DECIMAL, UTF8);
        }
        return t.family() == TypeFamily.TINYINT ? EnumSet.of(BOOL, INT64, UTF8) : EnumSet.of(INT64, UTF8);
    }

    @Override
    String refusal(ColumnInfo c, MappingTarget target) {
        if (target == INT64 && c.type().unsigned()) {
            return "BIGINT UNSIGNED holds values up to 18446744073709551615, more than Int64 can hold; use decimal.";
        }
        return super.refusal(c, target);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        MySqlType t = c.type();
        switch (target) {
            case BOOL:
                return mapping(c, BOOL, Encoding.bool(), Readers.boolFromInt()).build();
            case INT64:
                return mapping(c, INT64, Encoding.integer(64, true), Readers.integer(8)).build();
            case DECIMAL:
                return mapping(c, DECIMAL, Encoding.decimal(20, 0), Readers.decimal(20)).build();
            default:
                break;
        }
        int bits = bits(t.family());
        if (bits == 64 && t.unsigned()) {
            return mapping(c, target, Encoding.integer(64, false), Readers.unsignedBigInt()).note(UINT64_NOTE).build();
        }
        // MEDIUMINT UNSIGNED stops at 16777215: no reader can take it for negative
        String note = t.looksBoolean() ? LOOKS_BOOLEAN_NOTE : t.family() == TypeFamily.INT && t.unsigned() ? UINT32_NOTE : "";
        return mapping(c, target, Encoding.integer(bits, !t.unsigned()), Readers.integer(bits / 8)).note(note).build();
    }

    /** MEDIUMINT has no 24-bit Arrow type: it widens to 32 bits. */
    private static int bits(TypeFamily f) {
        return switch (f) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            case MEDIUMINT, INT -> 32;
            default -> 64;
        };
    }
}
