package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.schema.Source;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void escapingIsReversibleAndLeavesPlainNamesAlone() {
        for (String name : List.of("orders", "a/b", "100%", "ünï ✓ 表", "tab\there", "x:y*z?\"<>|\\", "nul\0byte")) {
            String escaped = FileNames.escape(name);
            assertTrue(escaped.matches("[^/\\\\:*?\"<>|\\x00-\\x1f]+"), escaped);
            assertEquals(name, URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8), "reversible: " + escaped);
        }
        assertEquals("orders", FileNames.escape("orders"));
        assertEquals("%2E", FileNames.escape("."));
        assertEquals("%2E%2E", FileNames.escape(".."));
    }

    @Test
    void aNameTooLongKeepsAPrefixAndAHash() {
        String name = "表".repeat(64); // 192 bytes: letters are kept as they are
        String longer = "%".repeat(64); // 192 bytes once escaped
        assertEquals(name, FileNames.escape(name));
        String a = FileNames.escape(longer + "a");
        String b = FileNames.escape(longer + "b");
        assertTrue(a.getBytes(StandardCharsets.UTF_8).length <= 200, a);
        assertNotEquals(a, b, "two long names stay two files");
    }

    @Test
    void namesDifferingOnlyInCaseGetTwoFiles() {
        Map<Source.Table, Path> files = FileNames.tableFiles(Path.of("/out"),
                List.of(Source.table("shop", "Orders"), Source.table("shop", "orders"), Source.table("shop", "items")));
        assertEquals(Path.of("/out/shop/Orders.parquet"), files.get(Source.table("shop", "Orders")));
        assertTrue(files.get(Source.table("shop", "orders")).getFileName().toString().matches("orders~[0-9a-f]{8}\\.parquet"),
                files.toString());
        assertEquals(Path.of("/out/shop/items.parquet"), files.get(Source.table("shop", "items")));
    }
}
