package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class DictionaryChoiceTest {
    @Test
    void uniqueColumnsGoPlainRepeatedAndShortOnesKeepTheDictionary() {
        int rows = 5_000;
        try (BufferAllocator a = new RootAllocator();
             BigIntVector id = new BigIntVector("id", a);
             VarCharVector country = new VarCharVector("country", a);
             VarCharVector note = new VarCharVector("note", a);
             BigIntVector sparse = new BigIntVector("sparse", a);
             BitVector flag = new BitVector("flag", a)) {
            id.allocateNew(rows);
            country.allocateNew(rows);
            note.allocateNew(rows);
            sparse.allocateNew(rows);
            flag.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                id.set(i, i);
                country.setSafe(i, ("country-" + i % 40).getBytes(StandardCharsets.UTF_8));
                note.setSafe(i, ("free text number " + i).getBytes(StandardCharsets.UTF_8));
                if (i % 10 == 0) {
                    sparse.set(i, i); // 500 unique values: too few to judge
                } else {
                    sparse.setNull(i);
                }
                flag.set(i, i % 2);
            }
            VectorSchemaRoot root = VectorSchemaRoot.of(id, country, note, sparse, flag);
            root.setRowCount(rows);
            assertEquals(List.of("id", "note"), DictionaryChoice.plainColumns(root));
        }
    }
}
