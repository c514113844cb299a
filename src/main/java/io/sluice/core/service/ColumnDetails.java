package io.sluice.core.service;

import io.sluice.core.mapping.TypeMapper;
import io.sluice.core.mapping.TypeMapping;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.PiiDetector;
import io.sluice.core.types.MappingTarget;
import java.util.List;

/**
 * One column as both faces show it: its proposed mapping, the overrides it allows and whether it
 * looks like personal data.
 *
 * @param pii the kind of personal data ("email", or "email (values)" when only the sampled values
 *     say so), empty when none
 */
public record ColumnDetails(ColumnInfo column, TypeMapping mapping, List<MappingTarget> overrides, String pii) {

    public ColumnDetails {
        overrides = List.copyOf(overrides);
    }

    /** @param piiByValues what the sampled values look like, or null; the name decides first */
    public static ColumnDetails of(ColumnInfo column, String piiByValues) {
        String pii = PiiDetector.kindOf(column.name()).orElse(piiByValues == null ? "" : piiByValues + " (values)");
        List<MappingTarget> overrides = TypeMapper.allowedTargets(column).stream().filter(t -> t != MappingTarget.DEFAULT).toList();
        return new ColumnDetails(column, TypeMapper.defaultMapping(column), overrides, pii);
    }

    public String name() {
        return column.name();
    }
}
