package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.Previewer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show the first rows as they would be written.")
final class PreviewCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "db.table, or a table of the DSN's database.")
    String table;

    @Option(names = "--database", paramLabel = "DB", description = "The database of --table.")
    String database;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Rows to show (default: ${DEFAULT-VALUE}, at most 10000).")
    int limit;

    @Option(names = "--where", paramLabel = "SQL", description = "A filter, as after WHERE.")
    String where;

    @Option(names = "--columns", paramLabel = "a,b", split = ",", description = "Only these columns, in this order.")
    List<String> columns = List.of();

    @Option(names = "--map", paramLabel = "COL=TYPE", description = "Override a mapping (bool, int64, decimal, float64, time64, fixed-binary, utf8).")
    Map<String, String> map = Map.of();

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        TableRef ref = TableRef.resolve(table, database, cs.dsn());
        try (BufferAllocator allocator = new RootAllocator()) {
            Previewer.Preview p = new Previewer(cs, allocator).preview(ref.database(), ref.table(), columns,
                    ExportCommand.overrides(map), where, limit);
            TextTable.print(spec.commandLine().getOut(), p.header(), p.rows());
        }
        return 0;
    }
}
