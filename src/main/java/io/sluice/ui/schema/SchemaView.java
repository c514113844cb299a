package io.sluice.ui.schema;

import io.sluice.core.export.Units;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.service.DatabaseTables;
import io.sluice.core.types.MappingTarget;
import io.sluice.ui.Fxml;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;

/** The schema browser: database → table tree with a filter, and the chosen table's mappings. */
public final class SchemaView {
    private final SchemaViewModel vm;
    private final Parent root;

    @FXML private HBox filterBox;
    @FXML private TreeView<Object> tree;
    @FXML private TabPane sourceTabs;
    @FXML private Tab tablesTab;
    @FXML private Tab queryTab;
    @FXML private TextArea queryArea;
    @FXML private Label tableTitle;
    @FXML private Label schemaStatus;
    @FXML private Label noteLabel;
    @FXML private Label mappingLabel;
    @FXML private TableView<ColumnRow> columnsTable;
    private TextField filterField;

    public SchemaView(SchemaViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(this, "schema/SchemaView.fxml");
    }

    @FXML
    private void initialize() {
        TextField filter = TextFields.createClearableTextField();
        filter.setPromptText("Filter tables");
        filter.setId("tableFilter");
        HBox.setHgrow(filter, Priority.ALWAYS);
        filterBox.getChildren().add(filter);
        filterField = filter;
        filter.setTooltip(new Tooltip("Ctrl+F"));
        queryArea.textProperty().bindBidirectional(vm.queryTextProperty());
        queryArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.runQuery();
                e.consume();
            }
        });
        if (vm.queryModeProperty().get()) {
            sourceTabs.getSelectionModel().select(queryTab);
        }
        vm.queryModeProperty().addListener((o, was, query) -> sourceTabs.getSelectionModel().select(query ? queryTab : tablesTab));
        tableTitle.textProperty().bind(vm.titleProperty());
        // an override re-maps the chosen row in place: its line follows. A change listener, added after the
        // row's own, runs after it; an invalidation listener would run before every change listener
        ChangeListener<MappingTarget> remapped = (o, was, now) -> showDetails(columnsTable.getSelectionModel().getSelectedItem());
        columnsTable.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (old != null) {
                old.overrideProperty().removeListener(remapped);
            }
            if (row != null) {
                row.overrideProperty().addListener(remapped);
            }
            showDetails(row);
        });
        vm.columns().addListener((ListChangeListener<ColumnRow>) c -> showDetails(columnsTable.getSelectionModel().getSelectedItem()));
        showDetails(null);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        vm.filterProperty().addListener((o, a, b) -> rebuildTree());
        vm.databases().addListener((ListChangeListener<DatabaseTables>) c -> rebuildTree());
        tree.setRoot(new TreeItem<>("root"));
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else if (item instanceof TableInfo ti) {
                    setText(ti.name() + "   " + (ti.rowEstimate() < 0 ? "view" : "~" + String.format("%,d", ti.rowEstimate()) + " rows")
                            + " · " + Units.bytes(ti.dataBytes()));
                    setTooltip(ti.comment().isEmpty() ? null : new Tooltip(ti.comment()));
                } else {
                    setText(item.toString());
                    setTooltip(null);
                }
            }
        });
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<Object>>) c -> {
            // a table counts once; a database stands for all of its tables
            java.util.LinkedHashSet<TableInfo> chosen = new java.util.LinkedHashSet<>();
            for (TreeItem<Object> item : List.copyOf(tree.getSelectionModel().getSelectedItems())) {
                if (item == null) {
                    continue;
                }
                if (item.getValue() instanceof TableInfo ti) {
                    chosen.add(ti);
                } else {
                    item.getChildren().forEach(t -> chosen.add((TableInfo) t.getValue()));
                }
            }
            vm.choose(List.copyOf(chosen));
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && item.getValue() instanceof TableInfo ti) {
                vm.select(ti);
            }
        });
        vm.queryModeProperty().addListener((o, was, query) -> {
            if (query) {
                // the table is no longer the source: a click on it must choose it again, which a
                // selection that stayed would not (the click changes nothing)
                tree.getSelectionModel().clearSelection();
            }
        });
        schemaStatus.textProperty().bind(vm.statusProperty());
        buildColumns();
        columnsTable.setItems(vm.columns());
    }

    /**
     * The chosen column's mapping and loss note in full, under the table: readable without hovering,
     * where the grid's cells cut long types (DECIMAL(65,30)'s) and notes.
     */
    private void showDetails(ColumnRow row) {
        // both lines keep their place, the note's hidden when there is none: lines appearing at a click
        // shrank the grid, and the row just clicked could go out of sight under them (a new user's trial)
        mappingLabel.setText(row == null ? "Choose a column to see its mapping in full." : row.name() + ":  " + row.mysqlType()
                + "  →  " + row.arrowProperty().get() + "  →  " + row.parquetProperty().get());
        String note = row == null ? "" : row.noteProperty().get();
        noteLabel.setText(note.isEmpty() ? " " : "⚠ " + row.name() + ": " + note);
        noteLabel.setVisible(!note.isEmpty());
    }

    @FXML
    private void runQuery() {
        vm.runQuery();
    }

    /** Ctrl+F: the table filter. */
    public void focusFilter() {
        sourceTabs.getSelectionModel().select(tablesTab);
        filterField.requestFocus();
    }

    private void rebuildTree() {
        TreeItem<Object> rootItem = new TreeItem<>("root");
        for (DatabaseTables d : vm.filtered()) {
            TreeItem<Object> db = new TreeItem<>(d.database().name());
            d.tables().forEach(t -> db.getChildren().add(new TreeItem<>(t)));
            db.setExpanded(true);
            rootItem.getChildren().add(db);
        }
        tree.setRoot(rootItem);
    }

    private void buildColumns() {
        TableColumn<ColumnRow, Boolean> include = new TableColumn<>("✓");
        include.setCellValueFactory(c -> c.getValue().includeProperty());
        include.setCellFactory(CheckBoxTableCell.forTableColumn(include));
        include.setEditable(true);
        include.setMaxWidth(34);
        include.setMinWidth(34);
        TableColumn<ColumnRow, String> name = text("Column", r -> r.name(), 130);
        TableColumn<ColumnRow, String> mysql = text("MySQL type", r -> r.mysqlType(), 150);
        TableColumn<ColumnRow, String> arrow = new TableColumn<>("Arrow type");
        arrow.setCellValueFactory(c -> c.getValue().arrowProperty());
        arrow.setCellFactory(c -> new WholeTextCell());
        arrow.setPrefWidth(140);
        TableColumn<ColumnRow, String> parquet = new TableColumn<>("Parquet type");
        parquet.setCellValueFactory(c -> c.getValue().parquetProperty());
        parquet.setCellFactory(c -> new WholeTextCell());
        parquet.setPrefWidth(210);
        TableColumn<ColumnRow, MappingTarget> override = new TableColumn<>("Map as");
        override.setCellValueFactory(c -> c.getValue().overrideProperty());
        override.setCellFactory(c -> new OverrideCell());
        override.setPrefWidth(115);
        override.setMinWidth(105);
        TableColumn<ColumnRow, String> pii = text("PII", r -> r.pii().isEmpty() ? "" : "● " + r.pii(), 175);
        pii.getStyleClass().add("pii-column");
        TableColumn<ColumnRow, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> c.getValue().noteProperty());
        note.setCellFactory(c -> new WholeTextCell() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty); // the tooltip holds the note without the sign
                getStyleClass().removeAll("note-cell");
                if (getText() != null) {
                    setText("⚠ " + s);
                    getStyleClass().add("note-cell");
                }
            }
        });
        note.setPrefWidth(320);
        columnsTable.getColumns().setAll(java.util.List.of(include, name, mysql, arrow, parquet, override, pii, note));
    }

    private static TableColumn<ColumnRow, String> text(String title, java.util.function.Function<ColumnRow, String> f, double width) {
        TableColumn<ColumnRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())).getReadOnlyProperty());
        col.setCellFactory(c -> new WholeTextCell()); // enum('…') and decimal(65,30) unsigned are cut first
        col.setPrefWidth(width);
        return col;
    }

    /** A text cell whose tooltip holds the whole text, for the types a narrow column cuts. */
    private static class WholeTextCell extends TableCell<ColumnRow, String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            boolean has = !empty && s != null && !s.isEmpty();
            setText(has ? s : null);
            setTooltip(has ? new Tooltip(s) : null);
        }
    }

    /** A combo box offering only the mappings valid for the row's column. */
    private static final class OverrideCell extends TableCell<ColumnRow, MappingTarget> {
        private final ComboBox<MappingTarget> box = new ComboBox<>();
        private ColumnRow bound;

        OverrideCell() {
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().addListener((o, a, v) -> {
                if (bound != null && v != null) {
                    bound.overrideProperty().set(v);
                }
            });
        }

        @Override
        protected void updateItem(MappingTarget item, boolean empty) {
            super.updateItem(item, empty);
            ColumnRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            bound = null;
            if (row == null) {
                setGraphic(null);
                return;
            }
            box.getItems().setAll(row.allowedTargets());
            box.setValue(row.overrideProperty().get());
            box.setDisable(row.allowedTargets().size() <= 1);
            bound = row;
            setGraphic(box);
        }
    }

    public Parent root() {
        return root;
    }
}
