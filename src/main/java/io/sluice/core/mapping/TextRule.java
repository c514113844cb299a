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
     * Single-byte character sets with bytes that have no character: a column in one can hold such a
     * byte, stored past the server's checks (sql_mode without STRICT, a _binary literal), and the
     * server sends it as '?' when it converts the text to UTF-8. Found on MariaDB 11.4 by converting
     * every byte but '?' from each character set to utf8mb4 and counting the '?'s (docs/type-mapping.md);
     * the others, latin1 (cp1252 with its five gaps filled) among them, have a character for every byte.
     */
    private static final Set<String> WITH_GAPS = Set.of("ascii", "cp1250", "cp1251", "cp1256", "cp1257", "dec8",
            "geostd8", "greek", "hebrew", "hp8", "swe7");
    /**
     * Multi-byte character sets with codes the server takes as well-formed, stores, and has no Unicode
     * character for: found on MariaDB 11.4 by storing every two-byte code (lead 0x81–0xFE) in a column
     * of each and converting what was stored intact to utf8mb4 (from 256 codes in big5 to 5,380 in euckr).
     */
    private static final Set<String> MULTI_BYTE_WITH_GAPS = Set.of("big5", "cp932", "eucjpms", "euckr", "gb2312", "gbk",
            "sjis", "ujis");

    @Override
    Set<MappingTarget> overrides(ColumnInfo c) {
        return EnumSet.noneOf(MappingTarget.class);
    }

    @Override
    TypeMapping mapValue(ColumnInfo c, MappingTarget target) {
        TypeMapping.Builder m = mapping(c, target, Encoding.utf8(), Readers.bytes());
        if (c.type().family() == TypeFamily.UNKNOWN) {
            return m.note("Sluice does not know the type " + c.type().dataType() + ": values are written as the server's text.").build();
        }
        if (c.type().family() != TypeFamily.TEXT) { // UUID, INET4, INET6: the server's own text
            return m.build();
        }
        String cs = c.charset().toLowerCase(Locale.ROOT);
        if (cs.equals("ucs2")) {
            // ucs2 stores any two bytes, a lone surrogate (D800-DFFF) too, which the server would send as
            // bytes that are not UTF-8 (ED A0 80), a STRING value readers may refuse; through utf16 it is '?'
            return m.select("CONVERT(%s USING utf16)")
                    .note("A stored ucs2 code from D800 to DFFF is half of a pair, not a character: it arrives as '?'.").build();
        }
        String what = WITH_GAPS.contains(cs) ? "byte" : MULTI_BYTE_WITH_GAPS.contains(cs) ? "code" : null;
        return what == null ? m.build()
                : m.note("The server converts this " + cs + " text to UTF-8: a stored " + what + " that " + cs
                        + " has no character for arrives as '?'.").build();
    }
}
