package io.sluice.core.mapping;

import io.sluice.core.read.Readers;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.types.TypeFamily;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * CHAR, VARCHAR and the TEXT family, MariaDB's UUID, INET4 and INET6, and any type Sluice does not
 * know: the server's text, sent as UTF-8, written as Utf8.
 */
final class TextRule extends TypeRule {
    /**
     * Character sets with a character for everything a column of theirs can hold, so the server's
     * conversion to UTF-8 keeps every value (the server's latin1 is cp1252 with its five gaps filled).
     * A column in another one (ascii, a national code page) can hold bytes that were stored past the
     * server's checks, with no character for them: the server sends those as '?'.
     */
    private static final Set<String> WHOLE = Set.of("utf8mb4", "utf8mb3", "utf8", "latin1", "binary",
            "ucs2", "utf16", "utf16le", "utf32");

    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.noneOf(MappingTarget.class);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        String note = c.type().family() == TypeFamily.UNKNOWN
                ? "Sluice does not know the type " + c.type().dataType() + ": values are written as the server's text."
                : conversionNote(c.charset());
        return mapping(c, target, Encoding.utf8(), Readers.bytes()).note(note).build();
    }

    static String conversionNote(String charset) {
        String cs = charset.toLowerCase(Locale.ROOT);
        return cs.isEmpty() || WHOLE.contains(cs) ? ""
                : "The server converts this " + cs + " text to UTF-8: a stored byte that " + cs
                        + " has no character for arrives as '?'.";
    }
}
