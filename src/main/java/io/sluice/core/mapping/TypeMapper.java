package io.sluice.core.mapping;

import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.TypeFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The type mapping, in one place: each MySQL/MariaDB type family has one {@link TypeRule}, chosen
 * here by the column's family. DESIGN.md §3 is the reference.
 */
public final class TypeMapper {
    private static final Map<TypeFamily, TypeRule> RULES = rules();

    private TypeMapper() {}

    private static Map<TypeFamily, TypeRule> rules() {
        Map<TypeFamily, TypeRule> m = new EnumMap<>(TypeFamily.class);
        TypeRule integers = new IntegerRule();
        for (TypeFamily f : List.of(TypeFamily.TINYINT, TypeFamily.SMALLINT, TypeFamily.MEDIUMINT, TypeFamily.INT,
                TypeFamily.BIGINT)) {
            m.put(f, integers);
        }
        m.put(TypeFamily.YEAR, new YearRule());
        m.put(TypeFamily.DECIMAL, new DecimalRule());
        m.put(TypeFamily.FLOAT, new FloatRule());
        m.put(TypeFamily.DOUBLE, new DoubleRule());
        m.put(TypeFamily.BIT, new BitRule());
        TypeRule dates = new DateRule();
        m.put(TypeFamily.DATE, dates);
        m.put(TypeFamily.DATETIME, dates);
        m.put(TypeFamily.TIMESTAMP, dates);
        m.put(TypeFamily.TIME, new TimeRule());
        TypeRule binary = new BinaryRule();
        m.put(TypeFamily.BINARY, binary);
        m.put(TypeFamily.FIXED_BINARY, binary);
        m.put(TypeFamily.JSON, new JsonRule());
        TypeRule enums = new EnumSetRule();
        m.put(TypeFamily.ENUM, enums);
        m.put(TypeFamily.SET, enums);
        m.put(TypeFamily.GEOMETRY, new GeometryRule());
        TypeRule text = new TextRule();
        for (TypeFamily f : List.of(TypeFamily.TEXT, TypeFamily.UUID, TypeFamily.INET4, TypeFamily.INET6, TypeFamily.UNKNOWN)) {
            m.put(f, text);
        }
        for (TypeFamily f : TypeFamily.values()) {
            if (!m.containsKey(f)) {
                throw new IllegalStateException("no type rule for " + f);
            }
        }
        return m;
    }

    /** The mapping Sluice proposes for the column. */
    public static TypeMapping defaultMapping(ColumnInfo column) {
        return map(column, MappingTarget.DEFAULT);
    }

    /** The targets a user may choose for this column, DEFAULT first. */
    public static List<MappingTarget> allowedTargets(ColumnInfo column) {
        List<MappingTarget> out = new ArrayList<>();
        for (MappingTarget t : MappingTarget.values()) {
            if (whyNot(column, t) == null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The mapping of {@code column} as {@code target}.
     *
     * @throws IllegalArgumentException with one sentence saying why, if the target cannot hold the
     *     column's values
     */
    public static TypeMapping map(ColumnInfo column, MappingTarget target) {
        String why = whyNot(column, target);
        if (why != null) {
            throw new IllegalArgumentException("Column '" + column.name() + "' cannot be mapped as " + target + ": " + why);
        }
        return rule(column).map(column, target);
    }

    /** Null when {@code target} is allowed for the column, else the reason in a few words. */
    public static String whyNot(ColumnInfo column, MappingTarget target) {
        TypeRule rule = rule(column);
        if (target == MappingTarget.DEFAULT || rule.overrides(column).contains(target)) {
            return null;
        }
        return rule.refusal(column, target);
    }

    private static TypeRule rule(ColumnInfo column) {
        return RULES.get(column.type().family());
    }
}
