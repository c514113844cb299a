package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything Sluice knows about one family of MySQL/MariaDB types: the mapping it proposes, the
 * overrides it offers and why it refuses the others, and for each mapping the SELECT expression,
 * the loss note, the encoding (Arrow type, Parquet type, writer) and the reader. Adding a type is
 * one rule, registered in {@link TypeMapper}, plus its rows in the type corpus.
 */
abstract class TypeRule {
    private static final Map<MappingTarget, String> REFUSALS = new EnumMap<>(Map.of(
            MappingTarget.BOOL, "only TINYINT columns can become booleans.",
            MappingTarget.INT64, "only integer, YEAR and BIT(n<64) columns fit Int64 exactly.",
            MappingTarget.DECIMAL, "only BIGINT UNSIGNED is offered as Decimal(20, 0).",
            MappingTarget.FLOAT64, "only FLOAT widens to Float64 without loss.",
            MappingTarget.TIME64, "only TIME columns can become a time of day.",
            MappingTarget.FIXED_BINARY, "only BIT(n>1) columns are offered as fixed-size binary.",
            MappingTarget.UTF8, "it is written as text already."));

    /**
     * The overrides offered for the column besides DEFAULT, which every rule offers. Most families
     * offer their server text as UTF8; a rule that cannot says so here.
     */
    Set<MappingTarget> overrides(ColumnInfo column) {
        return EnumSet.of(MappingTarget.UTF8);
    }

    /** The mapping for DEFAULT or one of {@link #overrides}. */
    final TypeMapping map(ColumnInfo column, MappingTarget target) {
        return target == MappingTarget.UTF8 ? text(column) : mapValue(column, target);
    }

    /** The mapping for DEFAULT or an override other than UTF8. */
    abstract TypeMapping mapValue(ColumnInfo column, MappingTarget target);

    /** UTF8: the server's own text of the value, unless the rule selects another text form. */
    TypeMapping text(ColumnInfo column) {
        return mapping(column, MappingTarget.UTF8, Encoding.utf8(), Readers.bytes()).build();
    }

    /** Why a target is refused, in a few words; a rule says it more precisely where it can. */
    String refusal(ColumnInfo column, MappingTarget target) {
        return REFUSALS.get(target);
    }

    /** A mapping of this column: nullable as declared, its MySQL type kept in the field metadata. */
    static TypeMapping.Builder mapping(ColumnInfo column, MappingTarget target, Encoding encoding, Readers.Factory reader) {
        return TypeMapping.builder(target, encoding, reader).nullable(column.nullable())
                .metadata(TypeMapping.MYSQL_TYPE_KEY, column.type().columnType());
    }
}
