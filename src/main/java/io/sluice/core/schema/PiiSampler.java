package io.sluice.core.schema;

import io.sluice.core.types.TypeFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks at the first rows of a table's text columns for personal data the column names do not
 * reveal. One small query (on the service's read-only connection); the values never leave this method.
 */
public final class PiiSampler {
    private final Connection connection;

    public PiiSampler(Connection connection) {
        this.connection = connection;
    }

    /** Column name → kind of personal data, for text columns whose first {@code rows} values look like it. */
    public Map<String, String> scan(TableSchema schema, int rows) throws SQLException {
        List<ColumnInfo> texts = schema.columns().stream().filter(c -> c.type().family() == TypeFamily.TEXT).toList();
        Map<String, String> found = new LinkedHashMap<>();
        if (texts.isEmpty()) {
            return found;
        }
        String sql = "SELECT " + texts.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + Identifiers.quote(schema.table().database()) + "." + Identifiers.quote(schema.table().name())
                + " LIMIT " + rows;
        List<List<String>> values = new ArrayList<>();
        texts.forEach(c -> values.add(new ArrayList<>()));
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(rows);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < texts.size(); i++) {
                        values.get(i).add(rs.getString(i + 1));
                    }
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            int column = i;
            PiiDetector.kindOfValues(values.get(i)).ifPresent(kind -> found.put(texts.get(column).name(), kind));
        }
        return found;
    }
}
