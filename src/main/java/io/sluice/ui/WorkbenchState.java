package io.sluice.ui;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.job.Job;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.ui.schema.ColumnRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the panels share, in one place: the connected session, the chosen source (table or query)
 * and the user's column choices, and whether an export is running. ViewModels read and write it; none reads
 * another ViewModel.
 */
public final class WorkbenchState {
    private final ObjectProperty<ConnectionSpec> connected = new SimpleObjectProperty<>();
    private final ObjectProperty<TableInfo> selectedTable = new SimpleObjectProperty<>();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final BooleanProperty exportRunning = new SimpleBooleanProperty(false);
    private final IntegerProperty previewRequests = new SimpleIntegerProperty(0);
    private final ObservableList<TableInfo> chosenTables = FXCollections.observableArrayList();
    private final ObjectProperty<Job> lastJob = new SimpleObjectProperty<>();
    private final ObjectProperty<Job.Connection> requestedConnection = new SimpleObjectProperty<>();

    /** The connection that was tested and works, or null. */
    public ObjectProperty<ConnectionSpec> connectedProperty() {
        return connected;
    }

    /** The table picked in the tree (null while a query is the source). */
    public ObjectProperty<TableInfo> selectedTableProperty() {
        return selectedTable;
    }

    /** What preview and export read: the picked table, or the query in the editor. */
    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The chosen table's columns with the user's choices (include, override). */
    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    public BooleanProperty exportRunningProperty() {
        return exportRunning;
    }

    /** Asks for a preview of the current source (the query editor's Ctrl+Enter); the export panel runs it. */
    public void requestPreview() {
        previewRequests.set(previewRequests.get() + 1);
    }

    public ReadOnlyIntegerProperty previewRequestsProperty() {
        return previewRequests;
    }

    /** The tables chosen in the tree (Ctrl/Shift-click, or a database for all of its tables): the queue's input. */
    public ObservableList<TableInfo> chosenTables() {
        return chosenTables;
    }

    /** The last export run in the window, single or several tables, as a job: Save job… and Run again use it. */
    public ObjectProperty<Job> lastJobProperty() {
        return lastJob;
    }

    /** A job asks for its connection: the connection panel fills in the DSN and TLS (never a password). */
    public ObjectProperty<Job.Connection> requestedConnectionProperty() {
        return requestedConnection;
    }

    /** The settings key of a source's remembered choices: {@code db.table}, or the query's own text. */
    public static String choicesKey(Source source) {
        return source instanceof Source.Table t ? t.database() + "." + t.name() : "query: " + ((Source.Query) source).sql();
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
}
