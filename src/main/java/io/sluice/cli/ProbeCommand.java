package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.export.Units;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.ColumnDetails;
import io.sluice.core.service.DatabaseTables;
import io.sluice.core.service.JsonShapes;
import io.sluice.core.service.SparkSchema;
import io.sluice.core.service.TableDetails;
import io.sluice.core.types.MappingTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "List databases and tables, or one table's columns with their Arrow and Parquet types.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  sluice probe --dsn mysql://me@db/",
            "  sluice probe --dsn mysql://me@db/shop --table orders",
            "  sluice probe --dsn mysql://me@db/shop --table orders --json",
            "",
            "Long notes are cut short in the table (…); --json prints them whole."})
final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "TABLE", description = "Show this table's columns (db.table, or the DSN's database).")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "Show the columns of this SELECT's result instead.")
    String query;

    @Option(names = "--database", paramLabel = "DB", description = "The database of --table or --query, or the one to list.")
    String database;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--spark-schema", description = "Print the table's mapping as a Spark JDBC customSchema string.")
    boolean sparkSchema;

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        PrintWriter out = spec.commandLine().getOut();
        if (table != null || query != null) {
            printColumns(out, root.service().inspect(cs, SourceRef.resolve(table, query, database, cs.dsn()), false));
        } else {
            printTables(out, root.service().catalogue(cs, database != null ? database : cs.dsn().database()));
        }
        out.flush();
        return 0;
    }

    private void printColumns(PrintWriter out, TableDetails details) {
        if (sparkSchema) {
            out.println(SparkSchema.customSchema(details.columns()));
            return;
        }
        if (json) {
            out.println(JsonOut.write(JsonShapes.tableDetails(details)));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ColumnDetails c : details.columns()) {
            rows.add(List.of(c.name(), c.column().type().columnType(), c.column().nullable() ? "yes" : "no",
                    c.mapping().arrowDisplay(), c.mapping().parquetDisplay(),
                    c.overrides().stream().map(MappingTarget::cliName).collect(Collectors.joining(",")), c.pii(), c.mapping().note()));
        }
        TableInfo t = details.table();
        if (query == null) {
            out.printf("%s.%s  (~%s rows, %s)%n", t.database(), t.name(), t.rowEstimate() < 0 ? "?" : t.rowEstimate(),
                    Units.bytes(t.dataBytes()));
        }
        // pii: personal data by the column's name, as the window flags it before it samples values
        if (TextTable.print(out, List.of("column", "mysql type", "null", "arrow", "parquet", "overrides", "pii", "note"), rows)) {
            out.println("(… marks text cut short; --json prints it whole.)");
        }
    }

    private void printTables(PrintWriter out, List<DatabaseTables> databases) {
        if (json) {
            out.println(JsonOut.write(JsonShapes.catalogue(databases)));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (DatabaseTables d : databases) {
            for (TableInfo t : d.tables()) {
                rows.add(List.of(t.database(), t.name(), t.view() ? "view" : "table",
                        t.rowEstimate() < 0 ? "?" : Long.toString(t.rowEstimate()), Units.bytes(t.dataBytes())));
            }
        }
        TextTable.print(out, List.of("database", "table", "kind", "rows (est.)", "size"), rows);
    }
}
