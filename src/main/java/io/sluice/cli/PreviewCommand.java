package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.CancelToken;
import io.sluice.core.export.Limits;
import io.sluice.core.export.Previewer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show the first rows as they would be written.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  sluice preview --dsn mysql://me@db/shop --table orders --limit 10",
            "  sluice preview --dsn mysql://me@db/shop \\",
            "      --query 'SELECT * FROM orders WHERE total > 100'"})
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Mixin
    TableOptions tableOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Rows to show (default: ${DEFAULT-VALUE}, at most " + Limits.MAX_PREVIEW_ROWS + ").")
    int limit;

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        Previewer.Preview p = root.service().preview(cs, tableOptions.source(cs.dsn()), tableOptions.columns,
                tableOptions.overrides(), tableOptions.where, limit, new CancelToken());
        TextTable.print(spec.commandLine().getOut(), p.header(), p.rows());
        if (limit > Limits.MAX_PREVIEW_ROWS && p.rows().size() >= Limits.MAX_PREVIEW_ROWS) { // the cap cut it short
            spec.commandLine().getErr().printf("A preview shows at most %,d rows; export the table to see them all.%n", Limits.MAX_PREVIEW_ROWS);
        }
        return 0;
    }
}
