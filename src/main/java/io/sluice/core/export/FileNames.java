package io.sluice.core.export;

import io.sluice.core.schema.Source;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Table names as file names, escaped reversibly: a byte that no file system takes (a {@code /}, a
 * NUL, a control character, Windows' {@code \ : * ? " < > |}) and {@code %} itself become {@code %XX},
 * so {@code a/b} is {@code a%2Fb}; the names {@code .} and {@code ..} become {@code %2E} and
 * {@code %2E%2E}. A name longer than file systems allow keeps its first bytes and a hash; the file's
 * footer ({@code sluice.source}) still names its table.
 */
public final class FileNames {
    /** Bytes of a file name, leaving room for ".parquet" and a temp-file suffix under the usual 255. */
    static final int MAX_BYTES = 200;

    private FileNames() {}

    /**
     * The files of several tables, none of which may land on another's file: names that differ only
     * in case ({@code Orders}, {@code orders}) would be one file on macOS and Windows, so the later
     * one gets a hash of its name.
     */
    public static Map<Source.Table, Path> tableFiles(Path dir, List<Source.Table> tables) {
        Map<Source.Table, Path> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Source.Table t : tables) {
            Path f = tableFile(dir, t.database(), t.name());
            if (!taken.add(f.toString().toLowerCase(Locale.ROOT))) {
                String hash = HexFormat.of().formatHex(sha256((t.database() + "." + t.name()).getBytes(StandardCharsets.UTF_8)), 0, 4);
                f = dir.resolve(escape(t.database())).resolve(escape(t.name()) + "~" + hash + ".parquet");
                taken.add(f.toString().toLowerCase(Locale.ROOT));
            }
            out.put(t, f);
        }
        return out;
    }

    /**
     * Whether a target as the user typed it ends in a separator, which says "a folder": a {@link Path}
     * made of it drops the separator, and would be written as a file of the folder's name.
     */
    public static boolean namesFolder(String typed) {
        return typed.endsWith("/") || typed.endsWith(File.separator);
    }

    /** The file a source would get in a folder: {@code <table>.parquet}, escaped, or {@code query.parquet}. */
    public static String fileFor(Source source) {
        return source instanceof Source.Table t ? escape(t.name()) + ".parquet" : "query.parquet";
    }

    /** {@code dir/<database>/<table>.parquet}, both names escaped. */
    public static Path tableFile(Path dir, String database, String table) {
        return dir.resolve(escape(database)).resolve(escape(table) + ".parquet");
    }

    public static String escape(String name) {
        if (name.equals(".") || name.equals("..")) {
            return name.replace(".", "%2E");
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (c < 0x20 || c == 0x7F || "/\\:*?\"<>|%".indexOf(c) >= 0) {
                out.writeBytes(String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(c);
            }
        }
        String escaped = out.toString(StandardCharsets.UTF_8);
        byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return escaped;
        }
        String hash = HexFormat.of().formatHex(sha256(utf8), 0, 8);
        int keep = MAX_BYTES - hash.length() - 1;
        while (keep > 0 && (bytes[keep] & 0xC0) == 0x80) {
            keep--; // never cut a character in two
        }
        return new String(bytes, 0, keep, StandardCharsets.UTF_8) + "~" + hash;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
