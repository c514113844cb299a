package io.sluice.ui.schema;

import io.sluice.core.mapping.TypeMapper;
import io.sluice.core.mapping.TypeMapping;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.service.ColumnDetails;
import io.sluice.core.types.MappingTarget;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One column of the chosen table as the columns table shows it; an override re-maps it at once. */
public final class ColumnRow {
    private final ColumnInfo column;
    private final List<MappingTarget> allowed;
    private final BooleanProperty include = new SimpleBooleanProperty(true);
    private final ObjectProperty<MappingTarget> override = new SimpleObjectProperty<>(MappingTarget.DEFAULT);
    private final ReadOnlyStringWrapper arrow = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper parquet = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper();
    private final String pii;

    public ColumnRow(ColumnDetails details) {
        this.column = details.column();
        List<MappingTarget> targets = new ArrayList<>();
        targets.add(MappingTarget.DEFAULT);
        targets.addAll(details.overrides());
        this.allowed = List.copyOf(targets);
        this.pii = details.pii();
        override.addListener((obs, old, now) -> show(TypeMapper.map(column, now == null ? MappingTarget.DEFAULT : now)));
        show(details.mapping());
    }

    private void show(TypeMapping m) {
        arrow.set(m.arrowDisplay());
        parquet.set(m.parquetDisplay());
        note.set(m.note());
    }

    public ColumnInfo column() {
        return column;
    }

    public String name() {
        return column.name();
    }

    public String mysqlType() {
        return column.type().columnType() + (column.nullable() ? "" : " not null");
    }

    public List<MappingTarget> allowedTargets() {
        return allowed;
    }

    public String pii() {
        return pii;
    }

    public BooleanProperty includeProperty() {
        return include;
    }

    public ObjectProperty<MappingTarget> overrideProperty() {
        return override;
    }

    public ReadOnlyStringProperty arrowProperty() {
        return arrow.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parquetProperty() {
        return parquet.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
