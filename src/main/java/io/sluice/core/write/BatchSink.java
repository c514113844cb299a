package io.sluice.core.write;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Where the export pipeline's writer thread sends each batch. */
public interface BatchSink extends AutoCloseable {
    void write(VectorSchemaRoot batch) throws IOException;

    /** Completes the output (a footer …); called once, after the last write returned. */
    @Override
    void close() throws IOException;

    /** Gives the output up after a failure or cancel: closes it without completing it. */
    void abort();
}
