package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.Previewer;
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

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Rows to show (default: ${DEFAULT-VALUE}, at most 10000).")
    int limit;

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        TableRef ref = tableOptions.ref(cs.dsn());
        try (BufferAllocator allocator = new RootAllocator()) {
            Previewer.Preview p = new Previewer(cs, allocator).preview(ref.database(), ref.table(), tableOptions.columns,
                    tableOptions.overrides(), tableOptions.where, limit);
            TextTable.print(spec.commandLine().getOut(), p.header(), p.rows());
        }
        return 0;
    }
}
