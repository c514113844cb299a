package io.sluice.core.types;

import java.util.Locale;

/** What a user can ask a column to become instead of its default mapping. */
public enum MappingTarget {
    DEFAULT("default"),
    BOOL("bool"),
    INT64("int64"),
    DECIMAL("decimal"),
    FLOAT64("float64"),
    TIME64("time64"),
    FIXED_BINARY("fixed-binary"),
    UTF8("utf8");

    private final String cliName;

    MappingTarget(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Accepts the CLI names and a few common spellings (text, string, boolean, bigint). */
    public static MappingTarget parse(String text) {
        String k = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (k) {
            case "text":
            case "string":
                return UTF8;
            case "boolean":
                return BOOL;
            case "bigint":
            case "long":
                return INT64;
            case "double":
                return FLOAT64;
            case "time":
                return TIME64;
            case "fixed-size-binary":
            case "fixedsizebinary":
                return FIXED_BINARY;
            default:
                for (MappingTarget t : values()) {
                    if (t.cliName.equals(k)) {
                        return t;
                    }
                }
                throw new IllegalArgumentException("Unknown mapping '" + text
                        + "': use default, bool, int64, decimal, float64, time64, fixed-binary or utf8.");
        }
    }

    @Override
    public String toString() {
        return cliName;
    }
}
