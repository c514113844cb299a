package io.sluice.ui.schema;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.error.ErrorMessages;
import io.sluice.core.schema.DatabaseInfo;
import io.sluice.core.schema.PiiSampler;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.MappingTarget;
import io.sluice.ui.UiTaskExecutor;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Databases, their tables, and the chosen table's columns with their mappings. */
public final class SchemaViewModel {
    /** A database and its tables, as listed when connected. */
    public record DatabaseEntry(DatabaseInfo database, List<TableInfo> tables) {}

    private final UiTaskExecutor tasks;
    private final ObservableList<DatabaseEntry> databases = FXCollections.observableArrayList();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<TableInfo> selectedTable = new SimpleObjectProperty<>();
    private ConnectionSpec spec;

    public SchemaViewModel(UiTaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Lists databases and tables of a fresh connection (system databases left out). */
    public void load(ConnectionSpec connection) {
        this.spec = connection;
        databases.clear();
        columns.clear();
        selectedTable.set(null);
        status.set("Reading the catalogue …");
        tasks.submit("list tables", cancel -> {
            List<DatabaseEntry> out = new ArrayList<>();
            try (Connection c = Connections.open(connection)) {
                SchemaProbe probe = new SchemaProbe(c);
                for (DatabaseInfo db : probe.databases()) {
                    if (!db.system()) {
                        out.add(new DatabaseEntry(db, probe.tables(db.name())));
                    }
                }
            } catch (Exception e) {
                throw ErrorMessages.wrap(e, connection);
            }
            return out;
        }, UiTaskExecutor.outcome(list -> {
            databases.setAll(list);
            int tables = list.stream().mapToInt(d -> d.tables().size()).sum();
            status.set(list.size() + " databases, " + tables + " tables.");
        }, status::set));
    }

    /** Probes the table's columns; they replace the columns table when they arrive. */
    public void select(TableInfo table) {
        selectedTable.set(table);
        columns.clear();
        if (table == null || spec == null) {
            return;
        }
        status.set("Probing " + table.database() + "." + table.name() + " …");
        tasks.submit("probe table", cancel -> {
            try (Connection c = Connections.open(spec)) {
                TableSchema schema = new SchemaProbe(c).table(table.database(), table.name());
                Map<String, String> pii;
                try {
                    pii = new PiiSampler(c).scan(schema);
                } catch (java.sql.SQLException e) {
                    pii = Map.of(); // no sample, no value-based flags: the table still opens
                }
                return new Probed(schema, pii);
            } catch (Exception e) {
                throw ErrorMessages.wrap(e, spec);
            }
        }, UiTaskExecutor.outcome((Probed p) -> {
            TableSchema s = p.schema();
            if (table.equals(selectedTable.get())) {
                columns.setAll(s.columns().stream().map(c -> new ColumnRow(c, p.piiByValues().get(c.name())))
                        .collect(Collectors.toList()));
                long notes = columns.stream().filter(r -> !r.noteProperty().get().isEmpty()).count();
                status.set(s.columns().size() + " columns" + (notes == 0 ? ", all mapped exactly." : ", " + notes + " with a note."));
            }
        }, status::set));
    }

    private record Probed(TableSchema schema, Map<String, String> piiByValues) {}

    /** The databases whose name or tables match the filter, with only the matching tables. */
    public List<DatabaseEntry> filtered() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase();
        if (f.isEmpty()) {
            return List.copyOf(databases);
        }
        List<DatabaseEntry> out = new ArrayList<>();
        for (DatabaseEntry d : databases) {
            boolean dbMatches = d.database().name().toLowerCase().contains(f);
            List<TableInfo> tables = d.tables().stream().filter(t -> dbMatches || t.name().toLowerCase().contains(f))
                    .collect(Collectors.toList());
            if (!tables.isEmpty()) {
                out.add(new DatabaseEntry(d.database(), tables));
            }
        }
        return out;
    }

    public List<String> includedColumns() {
        return columns.stream().filter(r -> r.includeProperty().get()).map(ColumnRow::name).collect(Collectors.toList());
    }

    public Map<String, MappingTarget> overrides() {
        Map<String, MappingTarget> out = new LinkedHashMap<>();
        for (ColumnRow r : columns) {
            if (r.includeProperty().get() && r.overrideProperty().get() != MappingTarget.DEFAULT) {
                out.put(r.name(), r.overrideProperty().get());
            }
        }
        return out;
    }

    public ObservableList<DatabaseEntry> databases() {
        return databases;
    }

    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<TableInfo> selectedTableProperty() {
        return selectedTable;
    }
}
