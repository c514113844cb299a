package io.sluice.core.service;

import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableInfo;
import io.sluice.core.types.MappingTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents Sluice prints (`--json`), defined once: each is an ordered map of plain
 * values, so any JSON writer renders it the same way and scripts can rely on the keys.
 */
public final class JsonShapes {
    private JsonShapes() {}

    public static Map<String, Object> table(TableInfo t) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("database", t.database());
        j.put("table", t.name());
        j.put("view", t.view());
        j.put("rowEstimate", t.rowEstimate());
        j.put("bytes", t.dataBytes());
        return j;
    }

    public static List<Object> catalogue(List<DatabaseTables> databases) {
        List<Object> out = new ArrayList<>();
        databases.forEach(d -> d.tables().forEach(t -> out.add(table(t))));
        return out;
    }

    public static Map<String, Object> column(ColumnDetails c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", c.name());
        j.put("mysqlType", c.column().type().columnType());
        j.put("nullable", c.column().nullable());
        j.put("arrowType", c.mapping().arrowDisplay());
        j.put("parquetType", c.mapping().parquetDisplay());
        j.put("overrides", c.overrides().stream().map(MappingTarget::cliName).toList());
        j.put("note", c.mapping().note());
        j.put("pii", c.pii());
        return j;
    }

    public static Map<String, Object> tableDetails(TableDetails d) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("database", d.table().database());
        j.put("table", d.table().name());
        j.put("rowEstimate", d.table().rowEstimate());
        j.put("bytes", d.table().dataBytes());
        j.put("columns", d.columns().stream().map(JsonShapes::column).toList());
        return j;
    }

    /** A multi-table export or a job: each table's outcome, then the counts. */
    public static Map<String, Object> batch(List<TableOutcome> outcomes) {
        List<Object> tables = new ArrayList<>();
        for (TableOutcome o : outcomes) {
            Map<String, Object> t = new LinkedHashMap<>();
            if (o.source() instanceof Source.Table st) {
                t.put("database", st.database());
                t.put("table", st.name());
            } else {
                t.put("query", o.source().footerText());
            }
            t.put("target", o.target() == null ? null : o.target().toString());
            t.put("state", o.state().name().toLowerCase(java.util.Locale.ROOT));
            if (o.done()) {
                t.put("rows", o.summary().rows());
                t.put("bytes", o.summary().fileBytes());
                t.put("seconds", o.summary().elapsed().toNanos() / 1e9);
                t.put("streamingSeconds", o.summary().streaming().toNanos() / 1e9);
                t.put("rowsPerSecond", Math.round(o.summary().rowsPerSecond()));
                t.put("nulledValues", o.summary().nulledValues()); // zero dates … written as NULL
                if (o.summary().connections() > 1) {
                    t.put("connections", o.summary().connections()); // key ranges read at once into the file
                }
                if (o.summary().note() != null) {
                    t.put("note", o.summary().note()); // e.g. a table without a key read as one stream
                }
            } else {
                t.put("error", o.sentence());
            }
            tables.add(t);
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("tables", tables);
        j.put("succeeded", outcomes.stream().filter(TableOutcome::done).count());
        j.put("failed", outcomes.stream().filter(o -> !o.done()).count());
        return j;
    }

    public static Map<String, Object> splitSummary(io.sluice.core.split.SplitSummary s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("folder", s.folder().toString());
        j.put("rows", s.rows());
        j.put("parts", s.parts());
        j.put("bytes", s.bytes());
        j.put("seconds", s.elapsed().toNanos() / 1e9);
        j.put("ranges", s.ranges());
        j.put("key", s.key());
        j.put("keptParts", s.keptParts());
        j.put("note", s.note());
        return j;
    }

    public static Map<String, Object> exportSummary(ExportSummary s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("target", s.target().toString());
        j.put("rows", s.rows());
        j.put("bytes", s.fileBytes());
        j.put("seconds", s.elapsed().toNanos() / 1e9);
        j.put("streamingSeconds", s.streaming().toNanos() / 1e9); // what rowsPerSecond is over: the query's start on
        j.put("rowsPerSecond", Math.round(s.rowsPerSecond()));
        if (s.connections() > 1) {
            j.put("connections", s.connections()); // key ranges read at once into the file
        }
        List<Object> cols = new ArrayList<>();
        for (ExportSummary.ColumnSummary c : s.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("mysqlType", c.mysqlType());
            m.put("arrowType", c.arrowType());
            m.put("parquetType", c.parquetType());
            m.put("nulls", c.nulls());
            m.put("nulledValues", c.nulledValues());
            cols.add(m);
        }
        j.put("columns", cols);
        j.put("parquetSchema", s.parquetSchema());
        if (s.note() != null) {
            j.put("note", s.note());
        }
        return j;
    }
}
