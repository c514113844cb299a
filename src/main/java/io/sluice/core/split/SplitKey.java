package io.sluice.core.split;

import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.Identifiers;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.TypeFamily;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key a table is cut by: its primary key, or else a unique index, of one NOT NULL integer,
 * decimal or date column. Boundaries come from the key's own index, so ranges are even in rows, not
 * only in key space (a key with most rows in a corner of its range still gives similar ranges).
 */
public final class SplitKey {
    private static final Set<TypeFamily> USABLE = Set.of(TypeFamily.TINYINT, TypeFamily.SMALLINT, TypeFamily.MEDIUMINT,
            TypeFamily.INT, TypeFamily.BIGINT, TypeFamily.DECIMAL, TypeFamily.DATE, TypeFamily.DATETIME, TypeFamily.YEAR);

    private SplitKey() {}

    /** The key column, or empty (then the export runs as one stream). */
    public static Optional<ColumnInfo> find(Connection c, Source.Table table, TableSchema schema) throws SQLException {
        String sql = "SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND CAST(TABLE_SCHEMA AS BINARY) = CAST(? AS BINARY) AND CAST(TABLE_NAME AS BINARY) = CAST(? AS BINARY)"
                + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX";
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.database());
            ps.setString(2, table.name());
            ps.setString(3, table.database());
            ps.setString(4, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    unique.put(rs.getString(1), rs.getInt(3) == 0);
                }
            }
        }
        for (Map.Entry<String, List<String>> index : columns.entrySet()) {
            if (!unique.get(index.getKey()) || index.getValue().size() != 1) {
                continue;
            }
            Optional<ColumnInfo> col = schema.column(index.getValue().get(0));
            if (col.isPresent() && !col.get().nullable() && USABLE.contains(col.get().type().family())) {
                return col;
            }
        }
        return Optional.empty();
    }

    /**
     * Cuts the key into {@code ranges} ranges of about the same number of rows: the boundaries are
     * the key values at row k·count/ranges of the key's order (read from the index).
     */
    public static RangePlan plan(Connection c, Source.Table table, ColumnInfo key, int ranges) throws SQLException {
        boolean quoted = key.type().family().isTemporalWithDate();
        String k = Identifiers.quote(key.name());
        long count;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table.qualifiedName())) {
            rs.next();
            count = rs.getLong(1);
        }
        List<String> boundaries = new ArrayList<>();
        for (int i = 1; i < ranges && count > 0; i++) {
            long offset = count * i / ranges;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + k + " FROM " + table.qualifiedName()
                    + " ORDER BY " + k + " LIMIT 1 OFFSET " + offset)) {
                if (rs.next()) {
                    String b = rs.getString(1);
                    if (!quoted && !b.matches("-?\\d+(\\.\\d+)?")) {
                        throw new IllegalStateException("a numeric key gave the boundary " + b);
                    }
                    boundaries.add(b); // a repeated boundary makes an empty range: harmless, and the count stays N
                }
            }
        }
        return new RangePlan(key.name(), quoted, boundaries);
    }
}
