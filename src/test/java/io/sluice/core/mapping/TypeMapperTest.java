package io.sluice.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.MySqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeMapperTest {
    private static ColumnInfo col(String dataType, String columnType) {
        return ColumnInfo.of("c", 1, MySqlType.parse(dataType, columnType), true);
    }

    private static String arrow(String dataType, String columnType) {
        return TypeMapper.defaultMapping(col(dataType, columnType)).arrowDisplay();
    }

    @Test
    void onlyAnUnsignedIntCanLookNegativeToReadersWithoutUnsignedTypes() {
        assertTrue(TypeMapper.defaultMapping(col("int", "int(10) unsigned")).note().contains("above 2147483647"));
        assertEquals("", TypeMapper.defaultMapping(col("mediumint", "mediumint(8) unsigned")).note()); // at most 16777215
    }

    @Test
    void defaultsFollowTheDesignTable() {
        assertEquals("Int8", arrow("tinyint", "tinyint(1)"));
        assertEquals("UInt8", arrow("tinyint", "tinyint(3) unsigned"));
        assertEquals("UInt32", arrow("mediumint", "mediumint(8) unsigned"));
        assertEquals("UInt64", arrow("bigint", "bigint(20) unsigned"));
        assertEquals("Decimal128(38, 10)", arrow("decimal", "decimal(38,10)"));
        assertEquals("Decimal256(65, 30)", arrow("decimal", "decimal(65,30)"));
        assertEquals("Bool", arrow("bit", "bit(1)"));
        assertEquals("UInt64", arrow("bit", "bit(64)"));
        assertEquals("Timestamp(µs)", arrow("datetime", "datetime(6)"));
        assertEquals("Timestamp(µs, UTC)", arrow("timestamp", "timestamp(3)"));
        assertEquals("Duration(µs)", arrow("time", "time(6)"));
        assertEquals("FixedSizeBinary(16)", arrow("binary", "binary(16)"));
        assertEquals("Binary", arrow("binary", "binary(0)")); // Parquet has no 0-byte fixed size
        assertEquals("Utf8 (dictionary)", arrow("enum", "enum('a','it''s')"));
        assertEquals("Int16", arrow("year", "year(4)"));
        assertEquals("Utf8", arrow("uuid", "uuid"));
    }

    @Test
    void parquetTypesFollowFromArrow() {
        assertEquals("INT32 INTEGER(8,true)", TypeMapper.defaultMapping(col("tinyint", "tinyint(4)")).parquetDisplay());
        assertEquals("INT64 DECIMAL(12,2)", TypeMapper.defaultMapping(col("decimal", "decimal(12,2)")).parquetDisplay());
        assertEquals("FIXED_LEN_BYTE_ARRAY(32) DECIMAL(65,30)", TypeMapper.defaultMapping(col("decimal", "decimal(65,30)")).parquetDisplay());
        assertEquals("INT64 TIMESTAMP(MICROS,false)", TypeMapper.defaultMapping(col("datetime", "datetime")).parquetDisplay());
        assertEquals("BINARY JSON", TypeMapper.defaultMapping(col("json", "json")).parquetDisplay());
        assertEquals("BINARY", TypeMapper.defaultMapping(col("binary", "binary(0)")).parquetDisplay());
    }

    @Test
    void overridesOfferOnlyWhatHoldsTheValues() {
        assertEquals(List.of(MappingTarget.DEFAULT, MappingTarget.DECIMAL, MappingTarget.UTF8),
                TypeMapper.allowedTargets(col("bigint", "bigint(20) unsigned")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TypeMapper.map(col("bigint", "bigint(20) unsigned"), MappingTarget.INT64));
        assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
        assertEquals("Bool", TypeMapper.map(col("tinyint", "tinyint(1)"), MappingTarget.BOOL).arrowDisplay());
        assertEquals("Int64", TypeMapper.map(col("bit", "bit(1)"), MappingTarget.INT64).arrowDisplay());
        assertFalse(TypeMapper.allowedTargets(col("blob", "blob")).contains(MappingTarget.UTF8));
        assertEquals("Time64(µs)", TypeMapper.map(col("time", "time"), MappingTarget.TIME64).arrowDisplay());
    }

    @Test
    void lossyMappingsSayWhy() {
        assertTrue(TypeMapper.defaultMapping(col("date", "date")).lossy());
        assertTrue(TypeMapper.defaultMapping(col("bigint", "bigint unsigned")).lossy());
        assertFalse(TypeMapper.defaultMapping(col("int", "int(11)")).lossy());
    }

    @Test
    void textInACharacterSetWithGapsSaysWhatTheServerSendsForThem() {
        for (String whole : new String[] {"utf8mb4", "utf8mb3", "utf8", "latin1", "latin2", "koi8r", "utf16", "utf32", ""}) {
            assertEquals("", TypeMapper.defaultMapping(text(whole)).note(), whole);
        }
        assertEquals("", TypeMapper.defaultMapping(new ColumnInfo("u", 1, MySqlType.parse("uuid", "uuid"), true, "", "", -1, "ascii"))
                .note(), "a UUID's text is the server's own");
        assertTrue(TypeMapper.defaultMapping(text("ASCII")).note().contains("ascii has no character"));
        TypeMapping ucs2 = TypeMapper.defaultMapping(text("ucs2"));
        assertEquals("CONVERT(`c` USING utf16)", ucs2.selectExpression("`c`"));
        assertTrue(ucs2.note().contains("D800 to DFFF"), ucs2.note());
        for (String gaps : new String[] {"ascii", "cp1251", "hebrew"}) {
            assertEquals("The server converts this " + gaps + " text to UTF-8: a stored byte that " + gaps
                    + " has no character for arrives as '?'.", TypeMapper.defaultMapping(text(gaps)).note());
        }
        for (String gaps : new String[] {"sjis", "gbk", "euckr"}) {
            assertEquals("The server converts this " + gaps + " text to UTF-8: a stored code that " + gaps
                    + " has no character for arrives as '?'.", TypeMapper.defaultMapping(text(gaps)).note());
        }
    }

    private static ColumnInfo text(String charset) {
        return new ColumnInfo("c", 1, MySqlType.parse("varchar", "varchar(20)"), true, "", "", -1, charset);
    }

    @Test
    void aNotNullDateSaysWhyItsColumnIsOptional() {
        for (String[] type : new String[][] {{"date", "date"}, {"datetime", "datetime(3)"}, {"timestamp", "timestamp"}}) {
            ColumnInfo notNull = ColumnInfo.of("c", 1, MySqlType.parse(type[0], type[1]), false);
            TypeMapping m = TypeMapper.defaultMapping(notNull);
            assertTrue(m.nullable(), type[1] + ": a zero date becomes NULL, so the column must allow it");
            assertTrue(m.note().contains(" becomes NULL") || m.note().contains(" become NULL"), m.note());
            assertTrue(m.note().contains(", so the Parquet column is optional although NOT NULL here"), m.note());
            assertFalse(TypeMapper.defaultMapping(col(type[0], type[1])).note().contains("NOT NULL"), "said only where it matters");
        }
    }

    @Test
    void enumValuesParseWithQuotes() {
        assertEquals(List.of("a", "it's", ""), MySqlType.parse("enum", "enum('a','it''s','')").values());
    }
}
