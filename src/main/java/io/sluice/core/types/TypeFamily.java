package io.sluice.core.types;

import java.util.Locale;
import java.util.Map;

/** The MySQL/MariaDB type families Sluice tells apart; synonyms fold into one. */
public enum TypeFamily {
    TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE, BIT,
    DATE, DATETIME, TIMESTAMP, TIME, YEAR,
    TEXT, FIXED_BINARY, BINARY, JSON, ENUM, SET, GEOMETRY, UUID, INET4, INET6,
    UNKNOWN;

    private static final Map<String, TypeFamily> BY_NAME = Map.ofEntries(
            Map.entry("tinyint", TINYINT), Map.entry("bool", TINYINT), Map.entry("boolean", TINYINT),
            Map.entry("smallint", SMALLINT), Map.entry("mediumint", MEDIUMINT),
            Map.entry("int", INT), Map.entry("integer", INT), Map.entry("bigint", BIGINT),
            Map.entry("decimal", DECIMAL), Map.entry("numeric", DECIMAL), Map.entry("dec", DECIMAL),
            Map.entry("fixed", DECIMAL),
            Map.entry("float", FLOAT), Map.entry("double", DOUBLE), Map.entry("real", DOUBLE),
            Map.entry("double precision", DOUBLE), Map.entry("bit", BIT),
            Map.entry("date", DATE), Map.entry("datetime", DATETIME), Map.entry("timestamp", TIMESTAMP),
            Map.entry("time", TIME), Map.entry("year", YEAR),
            Map.entry("char", TEXT), Map.entry("varchar", TEXT), Map.entry("tinytext", TEXT),
            Map.entry("text", TEXT), Map.entry("mediumtext", TEXT), Map.entry("longtext", TEXT),
            Map.entry("binary", FIXED_BINARY), Map.entry("varbinary", BINARY), Map.entry("tinyblob", BINARY),
            Map.entry("blob", BINARY), Map.entry("mediumblob", BINARY), Map.entry("longblob", BINARY),
            Map.entry("json", JSON), Map.entry("enum", ENUM), Map.entry("set", SET),
            Map.entry("geometry", GEOMETRY), Map.entry("point", GEOMETRY), Map.entry("linestring", GEOMETRY),
            Map.entry("polygon", GEOMETRY), Map.entry("multipoint", GEOMETRY),
            Map.entry("multilinestring", GEOMETRY), Map.entry("multipolygon", GEOMETRY),
            Map.entry("geometrycollection", GEOMETRY), Map.entry("geomcollection", GEOMETRY),
            Map.entry("uuid", UUID), Map.entry("inet4", INET4), Map.entry("inet6", INET6));

    public static TypeFamily of(String dataType) {
        return BY_NAME.getOrDefault(dataType.toLowerCase(Locale.ROOT).strip(), UNKNOWN);
    }

    public boolean isTemporalWithDate() {
        return this == DATE || this == DATETIME || this == TIMESTAMP;
    }
}
