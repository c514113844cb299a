package io.sluice.ui.schema;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.DatabaseTables;
import io.sluice.core.service.SluiceService;
import io.sluice.core.service.TableDetails;
import io.sluice.core.types.MappingTarget;
import io.sluice.ui.WorkbenchState;
import io.sluice.ui.settings.WorkbenchSettings;
import io.sluice.ui.task.Outcome;
import io.sluice.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Databases and their tables, the query editor, and the chosen source's columns with their mappings
 * (kept in the shared state). A table picked in the tree or a query put to use becomes the source.
 */
public final class SchemaViewModel {
    private final TaskExecutor tasks;
    private final SluiceService service;
    private final WorkbenchState state;
    private final WorkbenchSettings settings;
    private final ObservableList<DatabaseTables> databases = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty queryText = new SimpleStringProperty("");
    private final BooleanProperty queryMode = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Choose a table or write a query");

    public SchemaViewModel(TaskExecutor tasks, SluiceService service, WorkbenchState state, WorkbenchSettings settings) {
        this.tasks = tasks;
        this.service = service;
        this.state = state;
        this.settings = settings;
        WorkbenchSettings.Data d = settings.get();
        if (d.query != null) {
            queryText.set(d.query);
        }
        queryMode.set("query".equals(d.sourceKind));
        state.connectedProperty().addListener((o, old, spec) -> {
            if (spec != null) {
                load(spec);
            } else {
                clear();
                status.set("Not connected: connect to list the tables.");
            }
        });
        state.sourceProperty().addListener((o, old, s) -> title.set(s == null ? "Choose a table or write a query"
                : s instanceof Source.Table t ? t.database() + "." + t.name() : "Query"));
    }

    /** Lists databases and tables of a fresh connection (the server's own left out), then reopens the last source. */
    public void load(ConnectionSpec connection) {
        clear();
        status.set("Reading the catalogue …");
        tasks.execute(ctx -> service.catalogue(connection, null), Outcome.of(list -> {
            if (!connection.equals(state.connectedProperty().get())) {
                return; // the connection changed or failed while this one's catalogue was read
            }
            databases.setAll(list);
            int tables = list.stream().mapToInt(d -> d.tables().size()).sum();
            status.set(list.size() + " databases, " + tables + " tables.");
            reopenLastSource();
        }, sentence -> {
            if (connection.equals(state.connectedProperty().get())) {
                status.set(sentence);
            }
        }));
    }

    /** No tree, table or columns: before a catalogue is read, and when not connected. */
    private void clear() {
        state.sourceProperty().set(null); // first: the export form saves the source's choices from its columns
        databases.clear();
        state.columns().clear();
        state.selectedTableProperty().set(null);
    }

    private void reopenLastSource() {
        WorkbenchSettings.Data d = settings.get();
        if ("query".equals(d.sourceKind) && !queryText.get().isBlank()) {
            useQuery(() -> { });
        } else if ("table".equals(d.sourceKind)) {
            databases.stream().filter(db -> db.database().name().equals(d.database)).flatMap(db -> db.tables().stream())
                    .filter(t -> t.name().equals(d.table)).findFirst().ifPresent(this::select);
        }
    }

    /** The tables chosen in the tree for an export to a folder. */
    public void choose(List<TableInfo> tables) {
        state.chosenTables().setAll(tables);
    }

    /** Makes the table the source and inspects its columns; they replace the columns table when they arrive. */
    public void select(TableInfo table) {
        state.selectedTableProperty().set(table);
        queryMode.set(false);
        state.sourceProperty().set(table == null ? null : Source.table(table.database(), table.name()));
        if (table != null) {
            settings.update(d -> {
                d.sourceKind = "table";
                d.database = table.database();
                d.table = table.name();
            });
        }
        inspect(null);
    }

    /** Ctrl+Enter in the editor: the query becomes the source, and its first rows are previewed. */
    public void runQuery() {
        useQuery(state::requestPreview);
    }

    /** Makes the editor's query the source and inspects its result's columns; then {@code andThen} (e.g. a preview). */
    public void useQuery(Runnable andThen) {
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec == null) {
            status.set("Connect first, then run the query.");
            return;
        }
        Source.Query query;
        try {
            query = Source.query(queryText.get(), spec.dsn().database());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        state.selectedTableProperty().set(null);
        queryMode.set(true);
        state.sourceProperty().set(query);
        settings.update(d -> {
            d.sourceKind = "query";
            d.query = query.sql();
        });
        inspect(andThen);
    }

    private void inspect(Runnable andThen) {
        state.columns().clear();
        Source source = state.sourceProperty().get();
        ConnectionSpec spec = state.connectedProperty().get();
        if (source == null || spec == null) {
            return;
        }
        status.set("Probing " + source.describe() + " …");
        tasks.execute(ctx -> service.inspect(spec, source, source instanceof Source.Table), Outcome.of((TableDetails d) -> {
            if (!source.equals(state.sourceProperty().get())) {
                return; // the user moved on
            }
            List<ColumnRow> rows = d.columns().stream().map(ColumnRow::new).collect(Collectors.toList());
            applySavedChoices(source, rows);
            state.columns().setAll(rows);
            showColumnCount(rows);
            // an override changes a row's note (utf8 keeps zero dates, so no note): the count follows
            rows.forEach(r -> r.noteProperty().addListener((o, was, now) -> {
                if (state.columns().contains(r)) {
                    showColumnCount(state.columns());
                }
            }));
            if (andThen != null) {
                andThen.run();
            }
        }, status::set));
    }

    private void showColumnCount(List<ColumnRow> rows) {
        long notes = rows.stream().filter(r -> !r.noteProperty().get().isEmpty()).count();
        status.set(rows.size() + " columns" + (notes == 0 ? ", all mapped exactly." : ", " + notes + " with a note."));
    }

    /** The columns left out and the overrides chosen the last time this source was exported. */
    private void applySavedChoices(Source source, List<ColumnRow> rows) {
        WorkbenchSettings.Choices c = settings.get().choices.get(WorkbenchState.choicesKey(source));
        if (c == null) {
            return;
        }
        for (ColumnRow r : rows) {
            r.includeProperty().set(!c.excluded.contains(r.name()));
            String target = c.overrides.get(r.name());
            if (target != null) {
                try {
                    MappingTarget t = MappingTarget.parse(target);
                    if (r.allowedTargets().contains(t)) {
                        r.overrideProperty().set(t);
                    }
                } catch (IllegalArgumentException stale) {
                    // an override this version does not know: the default stands
                }
            }
        }
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

    /** Lists the catalogue again (F5). */
    public void refresh() {
        ConnectionSpec spec = state.connectedProperty().get();
        if (spec != null && !state.exportRunningProperty().get()) { // the running export's source stays
            load(spec);
        }
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

    public StringProperty queryTextProperty() {
        return queryText;
    }

    /** True while the query editor, not the table tree, is the way in. */
    public BooleanProperty queryModeProperty() {
        return queryMode;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<TableInfo> selectedTableProperty() {
        return state.selectedTableProperty();
    }
}
