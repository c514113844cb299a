package io.sluice.core.schema;

import io.sluice.core.types.MySqlType;

/**
 * One column as {@code information_schema.COLUMNS} describes it.
 *
 * @param srid the SRID declared on a spatial column (MySQL 8 {@code SRID n}, MariaDB
 *     {@code REF_SYSTEM_ID}), or -1 when none is declared
 * @param charset a text column's character set ({@code CHARACTER_SET_NAME}), or "" when the column
 *     holds no text or it is not known
 */
public record ColumnInfo(String name, int ordinal, MySqlType type, boolean nullable, String key,
                         String comment, int srid, String charset) {

    public ColumnInfo {
        key = key == null ? "" : key;
        comment = comment == null ? "" : comment;
        charset = charset == null ? "" : charset;
    }

    public static ColumnInfo of(String name, int ordinal, MySqlType type, boolean nullable) {
        return new ColumnInfo(name, ordinal, type, nullable, "", "", -1, "");
    }
}
