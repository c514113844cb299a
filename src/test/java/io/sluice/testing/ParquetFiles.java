package io.sluice.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** Reads Parquet files back with parquet-java's own example reader (not Sluice's code). */
public final class ParquetFiles {
    private ParquetFiles() {}

    public static List<Group> rows(java.nio.file.Path file) throws IOException {
        List<Group> out = new ArrayList<>();
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), path(file)).build()) {
            for (Group g = r.read(); g != null; g = r.read()) {
                out.add(g);
            }
        }
        return out;
    }

    public static ParquetMetadata footer(java.nio.file.Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(path(file), new Configuration()))) {
            return r.getFooter();
        }
    }

    public static MessageType schema(java.nio.file.Path file) throws IOException {
        return footer(file).getFileMetaData().getSchema();
    }

    public static Map<String, String> keyValues(java.nio.file.Path file) throws IOException {
        return footer(file).getFileMetaData().getKeyValueMetaData();
    }

    private static org.apache.hadoop.fs.Path path(java.nio.file.Path file) {
        return new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri());
    }
}
