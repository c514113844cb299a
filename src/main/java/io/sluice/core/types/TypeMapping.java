package io.sluice.core.types;

import io.sluice.core.read.ReaderKind;
import io.sluice.core.write.ParquetSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * How one column travels: the Arrow type it becomes, how it is read and selected, and what (if
 * anything) the mapping can lose. The Parquet type follows from the Arrow type.
 *
 * @param selectTemplate the column's SELECT expression, {@code %s} standing for the quoted name
 * @param note empty when the mapping is exact for every value; else one sentence
 * @param dictionary a small closed set of values (ENUM, SET): Parquet dictionary-encodes its pages; the
 *     embedded Arrow schema still says plain Utf8
 */
public record TypeMapping(MappingTarget target, ArrowType arrowType, boolean nullable, ReaderKind reader,
                          String selectTemplate, String note, Map<String, String> metadata, boolean dictionary) {

    public static final String MYSQL_TYPE_KEY = "sluice.mysql_type";
    public static final String EXTENSION_NAME_KEY = "ARROW:extension:name";
    public static final String EXTENSION_META_KEY = "ARROW:extension:metadata";

    public TypeMapping {
        metadata = Map.copyOf(metadata);
    }

    /** The Arrow field for a column of this mapping. */
    public Field field(String name) {
        return new Field(name, new FieldType(nullable, arrowType, null, new LinkedHashMap<>(metadata)), List.of());
    }

    public String selectExpression(String quotedColumn) {
        return selectTemplate.replace("%s", quotedColumn);
    }

    public boolean lossy() {
        return !note.isEmpty();
    }

    /** The Arrow type as users read it, e.g. {@code Decimal128(12, 2)}, {@code Timestamp(µs, UTC)}. */
    public String arrowDisplay() {
        return ArrowTypes.display(arrowType) + (dictionary ? " (dictionary)" : "");
    }

    /** The Parquet type it will be written as, e.g. {@code INT32 INT(8, signed)}. */
    public String parquetDisplay() {
        return ParquetSchemas.describe(field("c"));
    }
}
