package io.sluice.core.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

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
