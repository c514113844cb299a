package io.sluice.core.write;

import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** One column of the file: its Parquet type and the writer that feeds it from the Arrow vector. */
public record ParquetColumn(PrimitiveType type, ValueWriter.Factory writer) {

    /** The file's schema: these columns, in order. */
    public static MessageType schemaOf(List<ParquetColumn> columns) {
        return new MessageType("schema", columns.stream().map(c -> (Type) c.type()).toList());
    }
}
