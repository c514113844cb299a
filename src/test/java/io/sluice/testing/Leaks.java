package io.sluice.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.List;

/**
 * Where a password must never appear, and what "one plain sentence" means. The password is looked
 * for raw, as its ASCII head (a file written in a non-UTF-8 charset would mangle the unicode tail),
 * URL-encoded (as in a JDBC URL) and base64-encoded.
 */
public final class Leaks {
    private Leaks() {}

    /** The run's log file and settings folder (see the surefire configuration). */
    public static final Path TEST_LOG = Path.of(System.getProperty("sluice.log.file", "target/sluice-test.log"));
    public static final Path SLUICE_HOME = Path.of(System.getProperty("sluice.home", "target/sluice-home"));

    private static List<String> forms(String password) {
        String asciiHead = password.chars().takeWhile(c -> c < 128)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return List.of(password, asciiHead, URLEncoder.encode(password, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    }

    public static void assertNotIn(String where, String text) {
        for (String form : forms(TestDb.PASSWORD)) {
            assertFalse(text.contains(form), "the password appears in " + where);
        }
    }

    /**
     * Every file under each root, read as raw bytes: logs, settings, Parquet data and footers; not the
     * demo database's data folder. A file or folder that goes while it is read is passed over: test
     * classes run two at a time, and the shared settings folder's contents come and go.
     */
    public static void assertNotInFiles(Path... roots) throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                    // the window's demo database: a private MariaDB of its own (256 MB of redo log), which
                    // the test server's password never reaches
                    boolean demo = d.getParent() != null && d.getParent().equals(root) && d.getFileName().toString().startsWith("demo-");
                    return demo ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attributes) throws IOException {
                    if (Files.isRegularFile(f)) { // a link to a file too
                        try {
                            assertNotInBytes(f, Files.readAllBytes(f));
                        } catch (NoSuchFileException gone) {
                            // removed since the folder was listed
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        }
    }

    private static void assertNotInBytes(Path f, byte[] content) {
        String bytes = new String(content, StandardCharsets.ISO_8859_1);
        for (String form : forms(TestDb.PASSWORD)) {
            String encoded = new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(encoded), "the password appears in " + f);
        }
    }

    /** The run's log and settings, plus any folders the test wrote files to. */
    public static void assertNowhere(Path... more) throws IOException {
        assertNotInFiles(TEST_LOG, SLUICE_HOME);
        assertNotInFiles(more);
    }

    /** One line, a full sentence, and nothing that reads like a stack trace or driver output. */
    public static void assertPlainSentence(String message) {
        String m = message.strip();
        assertFalse(m.isEmpty(), "no message at all");
        assertFalse(m.contains("\n"), () -> "more than one line: " + m);
        assertTrue(m.endsWith(".") || m.endsWith("?"), () -> "not a sentence: " + m);
        for (String noise : List.of("Exception", "exception", "java.", "javax.", "com.mysql", "org.", "SQLState", "SQLSTATE",
                "\tat ", "Caused by", "errno", "null")) {
            assertFalse(m.contains(noise), () -> "technical noise '" + noise + "' in: " + m);
        }
        assertNotIn("the message", m);
    }
}
