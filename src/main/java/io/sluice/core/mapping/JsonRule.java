package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;

/** JSON (MySQL's type, MariaDB's LONGTEXT with a json_valid check): Utf8 marked as JSON for Arrow and Parquet. */
final class JsonRule extends TypeRule {
    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        return mapping(c, target, Encoding.json(), Readers.bytes())
                .metadata(TypeMapping.EXTENSION_NAME_KEY, "arrow.json")
                .metadata(TypeMapping.EXTENSION_META_KEY, "").build();
    }
}
