package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.TypeFamily;
import java.util.EnumSet;
import java.util.Set;

/**
 * CHAR, VARCHAR and the TEXT family, MariaDB's UUID, INET4 and INET6, and any type Sluice does not
 * know: the server's text, sent as UTF-8, written as Utf8.
 */
final class TextRule extends TypeRule {
    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.noneOf(MappingTarget.class);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        String note = c.type().family() == TypeFamily.UNKNOWN
                ? "Sluice does not know the type " + c.type().dataType() + ": values are written as the server's text."
                : "";
        return mapping(c, target, Encoding.utf8(), Readers.bytes()).note(note).build();
    }
}
