package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;

/** ENUM and SET: their text, in Parquet dictionary pages (few distinct values); plain Utf8 in the Arrow schema. */
final class EnumSetRule extends TypeRule {
    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        return mapping(c, target, Encoding.utf8(), Readers.bytes()).dictionary().build();
    }
}
