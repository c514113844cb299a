package io.sluice.dist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notice the build writes into sluice.jar (META-INF/THIRD-PARTY.txt, license-maven-plugin) and
 * beside the jars of the installers (DistIT): the libraries Sluice ships, each under its license.
 */
class ThirdPartyNoticeTest {
    private static final Path NOTICE = Path.of("target", "classes", "META-INF", "THIRD-PARTY.txt");

    @Test
    void everyShippedLibraryIsListedUnderALicense() throws Exception {
        String notice = Files.readString(NOTICE);
        // picocli is compiled into sluice.jar from its sources, so it is there although Maven calls it "provided"
        for (String library : List.of("com.mysql:mysql-connector-j:", "org.apache.arrow:arrow-vector:",
                "org.apache.parquet:parquet-hadoop:", "org.openjfx:javafx-controls:", "org.openjfx:javafx-fxml:",
                "org.controlsfx:controlsfx:", "io.github.mkpaz:atlantafx-base:", "info.picocli:picocli:",
                "ch.qos.logback:logback-classic:", "org.slf4j:slf4j-api:", "com.github.luben:zstd-jni:")) {
            assertTrue(notice.contains("(" + library), () -> library + " is missing from\n" + notice);
        }
        assertFalse(notice.contains("Unknown license"), notice);
        assertFalse(notice.contains("junit") || notice.contains("testfx") || notice.contains("duckdb"), "test libraries ship nowhere");
    }
}
