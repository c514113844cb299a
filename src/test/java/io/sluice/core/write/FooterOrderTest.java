package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rows and metadata give the same bytes, whatever order the metadata's map lists its keys in. */
class FooterOrderTest {
    @TempDir
    Path dir;

    @Test
    void theFooterDoesNotDependOnTheMetadataMapsOrder() throws Exception {
        // "Aa" and "BB" have the same hash code: in a HashMap they share a bucket, listed in insertion order
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Map<String, String> oneWay = new LinkedHashMap<>();
        oneWay.put("Aa", "1");
        oneWay.put("BB", "2");
        Map<String, String> otherWay = new LinkedHashMap<>();
        otherWay.put("BB", "2");
        otherWay.put("Aa", "1");
        assertArrayEquals(Files.readAllBytes(write("a.parquet", oneWay)), Files.readAllBytes(write("b.parquet", otherWay)));
    }

    private Path write(String name, Map<String, String> metadata) throws Exception {
        Schema schema = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true))));
        List<ParquetColumn> columns = List.of(new ParquetColumn(Types.required(PrimitiveTypeName.INT64).named("id"), ValueWriters.int64()));
        Path file = dir.resolve(name);
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            BigIntVector id = (BigIntVector) root.getVector(0);
            for (int row = 0; row < 3; row++) {
                id.setSafe(row, row * 7L);
            }
            root.setRowCount(3);
            try (ParquetBatchWriter writer = new ParquetBatchWriter(file, schema, columns, WriterOptions.DEFAULTS, metadata)) {
                writer.write(root);
            }
        }
        return file;
    }
}
