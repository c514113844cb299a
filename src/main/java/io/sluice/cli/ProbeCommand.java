package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.error.ErrorMessages;
import io.sluice.core.export.Units;
import io.sluice.core.error.SluiceException;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.DatabaseInfo;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.TypeMapper;
import io.sluice.core.types.TypeMapping;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "List databases and tables, or one table's columns with their Arrow and Parquet types.")
final class ProbeCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "TABLE", description = "Show this table's columns (db.table, or the DSN's database).")
    String table;

    @Option(names = "--database", paramLabel = "DB", description = "The database of --table, or the one to list.")
    String database;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        ConnectionSpec cs = connection.toSpec();
        PrintWriter out = spec.commandLine().getOut();
        try (Connection conn = Connections.open(cs)) {
            SchemaProbe probe = new SchemaProbe(conn);
            if (table != null) {
                TableRef ref = TableRef.resolve(table, database, cs.dsn());
                printColumns(out, probe.table(ref.database(), ref.table()));
            } else {
                printTables(out, probe, database != null ? database : cs.dsn().database());
            }
            return 0;
        } catch (SluiceException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw ErrorMessages.wrap(e, cs);
        }
    }

    private void printColumns(PrintWriter out, TableSchema schema) {
        List<List<String>> rows = new ArrayList<>();
        List<Object> jsonColumns = new ArrayList<>();
        for (ColumnInfo c : schema.columns()) {
            TypeMapping m = TypeMapper.defaultMapping(c);
            String overrides = TypeMapper.allowedTargets(c).stream().filter(t -> t != MappingTarget.DEFAULT)
                    .map(MappingTarget::cliName).collect(Collectors.joining(","));
            rows.add(List.of(c.name(), c.type().columnType(), c.nullable() ? "yes" : "no", m.arrowDisplay(),
                    m.parquetDisplay(), overrides, m.note()));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", c.name());
            j.put("mysqlType", c.type().columnType());
            j.put("nullable", c.nullable());
            j.put("arrowType", m.arrowDisplay());
            j.put("parquetType", m.parquetDisplay());
            j.put("overrides", TypeMapper.allowedTargets(c).stream().filter(t -> t != MappingTarget.DEFAULT)
                    .map(MappingTarget::cliName).collect(Collectors.toList()));
            j.put("note", m.note());
            jsonColumns.add(j);
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("database", schema.table().database());
            j.put("table", schema.table().name());
            j.put("rowEstimate", schema.table().rowEstimate());
            j.put("bytes", schema.table().dataBytes());
            j.put("columns", jsonColumns);
            out.println(Json.write(j));
        } else {
            out.printf("%s.%s  (~%s rows, %s)%n", schema.table().database(), schema.table().name(),
                    schema.table().rowEstimate() < 0 ? "?" : schema.table().rowEstimate(), Units.bytes(schema.table().dataBytes()));
            TextTable.print(out, List.of("column", "mysql type", "null", "arrow", "parquet", "overrides", "note"), rows);
        }
        out.flush();
    }

    private void printTables(PrintWriter out, SchemaProbe probe, String only) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<Object> jsonTables = new ArrayList<>();
        for (DatabaseInfo db : probe.databases()) {
            if ((!only.isEmpty() && !db.name().equals(only)) || (only.isEmpty() && db.system())) {
                continue;
            }
            for (TableInfo t : probe.tables(db.name())) {
                rows.add(List.of(t.database(), t.name(), t.view() ? "view" : "table",
                        t.rowEstimate() < 0 ? "?" : Long.toString(t.rowEstimate()), Units.bytes(t.dataBytes())));
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("database", t.database());
                j.put("table", t.name());
                j.put("view", t.view());
                j.put("rowEstimate", t.rowEstimate());
                j.put("bytes", t.dataBytes());
                jsonTables.add(j);
            }
        }
        if (json) {
            out.println(Json.write(jsonTables));
        } else {
            TextTable.print(out, List.of("database", "table", "kind", "rows (est.)", "size"), rows);
        }
        out.flush();
    }
}
