package io.sluice.core.schema;

import io.sluice.core.types.MySqlType;

/**
 * One column as {@code information_schema.COLUMNS} describes it.
 *
 * @param srid the SRID declared on a spatial column (MySQL 8 {@code SRID n}, MariaDB
 *     {@code REF_SYSTEM_ID}), or -1 when none is declared
 */
public record ColumnInfo(String name, int ordinal, MySqlType type, boolean nullable, String key,
                         String comment, int srid) {

    public ColumnInfo {
        key = key == null ? "" : key;
        comment = comment == null ? "" : comment;
    }

    public static ColumnInfo of(String name, int ordinal, MySqlType type, boolean nullable) {
        return new ColumnInfo(name, ordinal, type, nullable, "", "", -1);
    }
}
