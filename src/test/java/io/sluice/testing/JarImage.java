package io.sluice.testing;

import io.sluice.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The layout {@code ./mvnw package} makes ({@code sluice.jar} with its libraries in {@code lib/}, named
 * by the manifest's Class-Path), built from this run's classes, because the tests run before the
 * package phase: what {@code java -jar target/sluice.jar} runs, without waiting for it.
 */
public final class JarImage {
    private static Path jar;

    private JarImage() {}

    /** {@code target/java-jar-image/sluice.jar}, built once per test run. */
    public static synchronized Path jar() throws IOException {
        if (jar == null) {
            jar = build(Path.of("target", "java-jar-image").toAbsolutePath());
        }
        return jar;
    }

    private static Path build(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path lib = dir.resolve("lib");
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(lib);
        Map<String, Path> jars = new LinkedHashMap<>(); // the class path's jars, test ones too: they do no harm
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                jars.putIfAbsent(p.getFileName().toString(), p.toAbsolutePath());
            }
        }
        List<String> classPath = new ArrayList<>();
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            Files.createSymbolicLink(lib.resolve(e.getKey()), e.getValue());
            classPath.add("lib/" + e.getKey());
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        main.putValue("Add-Opens", "java.base/java.nio"); // as the pom's jar plugin writes it
        main.putValue("Enable-Native-Access", "ALL-UNNAMED");
        Path jarFile = dir.resolve("sluice.jar");
        try (OutputStream file = Files.newOutputStream(jarFile); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jarFile;
    }
}
