package io.sluice.core.read;

/**
 * The protocol's column type ids (MySQL's {@code enum_field_types}, as Connector/J's
 * {@code Field.getMysqlTypeId} gives them) that decide how a binary-protocol value is laid out and
 * read: fixed-width little-endian integers and floats, a length byte and a packed struct for dates
 * and times, and a length-encoded string for everything else.
 */
public final class WireTypes {
    public static final int DECIMAL = 0;
    public static final int TINY = 1;
    public static final int SHORT = 2;
    public static final int LONG = 3;
    public static final int FLOAT = 4;
    public static final int DOUBLE = 5;
    public static final int NULL = 6;
    public static final int TIMESTAMP = 7;
    public static final int LONGLONG = 8;
    public static final int INT24 = 9;
    public static final int DATE = 10;
    public static final int TIME = 11;
    public static final int DATETIME = 12;
    public static final int YEAR = 13;
    public static final int NEWDATE = 14;
    public static final int BIT = 16;
    public static final int NEWDECIMAL = 246;
    public static final int GEOMETRY = 255;

    private WireTypes() {}

    /** The bytes of a fixed-width value, 0 for a length-encoded one, -1 for a type that sends no bytes. */
    static int fixedWidth(int type) {
        switch (type) {
            case TINY:
                return 1;
            case SHORT:
            case YEAR:
                return 2;
            case LONG:
            case INT24:
            case FLOAT:
                return 4;
            case LONGLONG:
            case DOUBLE:
                return 8;
            case NULL:
                return -1;
            default:
                return 0; // dates and times too: their struct starts with its length, below 251
        }
    }

    /** TINYINT … BIGINT and YEAR: fixed-width integers. */
    static boolean isInteger(int type) {
        return type == TINY || type == SHORT || type == LONG || type == INT24 || type == LONGLONG || type == YEAR;
    }

    /** DATE, DATETIME and TIMESTAMP: year, month, day first. */
    static boolean isDateOrDateTime(int type) {
        return type == DATE || type == NEWDATE || type == DATETIME || type == TIMESTAMP;
    }

    /**
     * Values whose binary-protocol bytes are the same as their text-protocol bytes: strings, binary
     * strings, ENUM, SET, JSON, BIT, GEOMETRY, and DECIMAL (sent as its text).
     */
    static boolean isSameBytesAsText(int type) {
        return fixedWidth(type) == 0 && !isDateOrDateTime(type) && type != TIME;
    }
}
