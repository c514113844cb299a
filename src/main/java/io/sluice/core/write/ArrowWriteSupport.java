package io.sluice.core.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Feeds parquet-java one row at a time straight from the bound Arrow batch: the record is the
 * row's index, values are read from the vectors' buffers.
 */
final class ArrowWriteSupport extends WriteSupport<Integer> {
    private final MessageType schema;
    private final Map<String, String> openingMetadata;
    private final Supplier<Map<String, String>> closingMetadata;
    private final String[] names;
    private RecordConsumer out;
    private FieldVector[] vectors;
    private ValueWriter[] writers;

    ArrowWriteSupport(MessageType schema, Map<String, String> openingMetadata,
                      Supplier<Map<String, String>> closingMetadata) {
        this.schema = schema;
        this.openingMetadata = openingMetadata;
        this.closingMetadata = closingMetadata;
        this.names = schema.getFields().stream().map(f -> f.getName()).toArray(String[]::new);
    }

    /** Points the writers at a filled batch; buffers do not move while it is being written. */
    void bind(VectorSchemaRoot root) {
        List<FieldVector> vs = root.getFieldVectors();
        vectors = vs.toArray(new FieldVector[0]);
        writers = new ValueWriter[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            writers[i] = ValueWriters.forVector(vectors[i]);
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, openingMetadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, openingMetadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Integer boxedRow) {
        int row = boxedRow;
        out.startMessage();
        for (int i = 0; i < writers.length; i++) {
            if (!vectors[i].isNull(row)) {
                out.startField(names[i], i);
                writers[i].write(out, row);
                out.endField(names[i], i);
            }
        }
        out.endMessage();
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(new HashMap<>(closingMetadata.get()));
    }

    @Override
    public String getName() {
        return "sluice";
    }
}
