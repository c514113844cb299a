package io.sluice.ui.schema;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.DatabaseTables;
import io.sluice.core.service.SluiceService;
import io.sluice.core.service.TableDetails;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Databases, their tables, and the chosen table's columns with their mappings (kept in the shared state). */
public final class SchemaViewModel {
    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final ObservableList<DatabaseTables> databases = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public SchemaViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        state.connectedProperty().addListener((o, old, spec) -> {
            if (spec != null) {
                load(spec);
            }
        });
    }

    /** Lists databases and tables of a fresh connection (the server's own databases left out). */
    public void load(ConnectionSpec connection) {
        databases.clear();
        state.columns().clear();
        state.selectedTableProperty().set(null);
        status.set("Reading the catalogue …");
        tasks.execute(ctx -> service.catalogue(connection, null), Outcome.of(list -> {
            databases.setAll(list);
            int tables = list.stream().mapToInt(d -> d.tables().size()).sum();
            status.set(list.size() + " databases, " + tables + " tables.");
        }, status::set));
    }

    /** Inspects the table's columns; they replace the columns table when they arrive. */
    public void select(TableInfo table) {
        state.selectedTableProperty().set(table);
        state.columns().clear();
        ConnectionSpec spec = state.connectedProperty().get();
        if (table == null || spec == null) {
            return;
        }
        status.set("Probing " + table.database() + "." + table.name() + " …");
        tasks.execute(ctx -> service.inspect(spec, table.database(), table.name(), true), Outcome.of((TableDetails d) -> {
            if (table.equals(state.selectedTableProperty().get())) {
                state.columns().setAll(d.columns().stream().map(ColumnRow::new).collect(Collectors.toList()));
                long notes = d.notes();
                status.set(d.columns().size() + " columns" + (notes == 0 ? ", all mapped exactly." : ", " + notes + " with a note."));
            }
        }, status::set));
    }

    /** The databases whose name or tables match the filter, with only the matching tables. */
    public List<DatabaseTables> filtered() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return List.copyOf(databases);
        }
        List<DatabaseTables> out = new ArrayList<>();
        for (DatabaseTables d : databases) {
            boolean dbMatches = d.database().name().toLowerCase(Locale.ROOT).contains(f);
            List<TableInfo> tables = d.tables().stream().filter(t -> dbMatches || t.name().toLowerCase(Locale.ROOT).contains(f))
                    .collect(Collectors.toList());
            if (!tables.isEmpty()) {
                out.add(new DatabaseTables(d.database(), tables));
            }
        }
        return out;
    }

    public ObservableList<DatabaseTables> databases() {
        return databases;
    }

    public ObservableList<ColumnRow> columns() {
        return state.columns();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<TableInfo> selectedTableProperty() {
        return state.selectedTableProperty();
    }
}
