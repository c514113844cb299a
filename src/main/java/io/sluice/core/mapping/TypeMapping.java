package io.sluice.core.mapping;

import io.sluice.core.read.ColumnReader;
import io.sluice.core.read.Readers;
import io.sluice.core.types.ArrowTypes;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.write.ParquetColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * How one column travels: how it is selected and read, the encoding it is written in (Arrow type,
 * Parquet type, value writer), and what (if anything) the mapping can lose. Built by a
 * {@link TypeRule} with {@link #builder}.
 *
 * @param selectTemplate the column's SELECT expression, {@code %s} standing for the quoted name
 * @param note empty when the mapping is exact for every value; else one sentence
 * @param dictionary a small closed set of values (ENUM, SET): Parquet dictionary-encodes its pages; the
 *     embedded Arrow schema still says plain Utf8
 */
public record TypeMapping(MappingTarget target, Encoding encoding, boolean nullable, Readers.Factory reader,
                          String selectTemplate, String note, Map<String, String> metadata, boolean dictionary) {

    public static final String MYSQL_TYPE_KEY = "sluice.mysql_type";
    static final String EXTENSION_NAME_KEY = "ARROW:extension:name";
    static final String EXTENSION_META_KEY = "ARROW:extension:metadata";
    static final String PLAIN = "%s";

    public TypeMapping {
        metadata = Map.copyOf(metadata);
    }

    public static Builder builder(MappingTarget target, Encoding encoding, Readers.Factory reader) {
        return new Builder(target, encoding, reader);
    }

    public ArrowType arrowType() {
        return encoding.arrow();
    }

    /** The Arrow field for a column of this mapping. */
    public Field field(String name) {
        return new Field(name, new FieldType(nullable, encoding.arrow(), null, new LinkedHashMap<>(metadata)), List.of());
    }

    public PrimitiveType parquetType(String name) {
        return encoding.parquetType(name, nullable);
    }

    public ParquetColumn parquetColumn(String name) {
        return new ParquetColumn(parquetType(name), encoding.writer());
    }

    public ColumnReader<?> newReader(String name) {
        return reader.create(name, nullable);
    }

    public String selectExpression(String quotedColumn) {
        return selectTemplate.replace("%s", quotedColumn);
    }

    public boolean lossy() {
        return !note.isEmpty();
    }

    /** The Arrow type as users read it, e.g. {@code Decimal128(12, 2)}, {@code Timestamp(µs, UTC)}. */
    public String arrowDisplay() {
        return ArrowTypes.display(encoding.arrow()) + (dictionary ? " (dictionary)" : "");
    }

    /** The Parquet type it will be written as, e.g. {@code INT32 INTEGER(8,true)}. */
    public String parquetDisplay() {
        PrimitiveType p = parquetType("c");
        StringBuilder sb = new StringBuilder(p.getPrimitiveTypeName().name());
        if (encoding.fixedLength() > 0) {
            sb.append('(').append(p.getTypeLength()).append(')');
        }
        if (p.getLogicalTypeAnnotation() != null) {
            sb.append(' ').append(p.getLogicalTypeAnnotation());
        }
        return sb.toString();
    }

    /** Only the target, encoding and reader are required; the rest defaults to an exact, plain mapping. */
    public static final class Builder {
        private final MappingTarget target;
        private final Encoding encoding;
        private final Readers.Factory reader;
        private boolean nullable = true;
        private String select = PLAIN;
        private String note = "";
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private boolean dictionary;

        private Builder(MappingTarget target, Encoding encoding, Readers.Factory reader) {
            this.target = Objects.requireNonNull(target);
            this.encoding = Objects.requireNonNull(encoding);
            this.reader = Objects.requireNonNull(reader);
        }

        public Builder nullable(boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        public Builder select(String template) {
            this.select = template;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Builder dictionary() {
            this.dictionary = true;
            return this;
        }

        public TypeMapping build() {
            return new TypeMapping(target, encoding, nullable, reader, select, note, metadata, dictionary);
        }
    }
}
