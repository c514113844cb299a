package io.sluice.core.mapping;

import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;

/** The GEOMETRY family: standard WKB (MySQL's SRID prefix moved to metadata), or WKT text on request. */
final class GeometryRule extends TypeRule {
    @Override
    TypeMapping text(ColumnInfo c) {
        return mapping(c, UTF8, Encoding.utf8(), Readers.bytes()).select("ST_AsText(%s)")
                .note("Written as WKT text; the SRID is not kept.").build();
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        TypeMapping.Builder b = mapping(c, target, Encoding.binary(), Readers.geometry())
                .note("WKB without MySQL's 4-byte SRID prefix; the SRIDs seen are kept in the file's metadata"
                        + " (sluice.srid.<column>).");
        if (c.srid() >= 0) {
            b.metadata("sluice.srid", Integer.toString(c.srid()));
        }
        return b.build();
    }
}
