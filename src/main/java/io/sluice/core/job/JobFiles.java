package io.sluice.core.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sluice.core.AtomicFiles;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Dsn;
import io.sluice.core.error.SluiceException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and writes job files; anything wrong in one is one sentence that names it. */
public final class JobFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private JobFiles() {}

    /** Writes the job beside its final name and moves it into place: never half a file. */
    public static void write(Job job, Path file) {
        try {
            // a text file ends with a newline: cat, diff and git read it as complete
            AtomicFiles.replace(file, tmp -> java.nio.file.Files.writeString(tmp, JSON.writeValueAsString(job) + "\n"));
        } catch (IOException e) {
            throw new SluiceException("The job file " + file + " cannot be written; choose a folder you can write to.", e);
        }
    }

    public static Job read(Path file) {
        Job job;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(file.toFile());
            com.fasterxml.jackson.databind.JsonNode version = tree == null ? null : tree.get("version");
            if (version == null || !version.isInt()) {
                throw new SluiceException("The job file " + file.getFileName() + " has no version; this Sluice reads version "
                        + Job.VERSION + ".");
            }
            if (version.asInt() != Job.VERSION) {
                throw new SluiceException("The job file " + file.getFileName() + " is version " + version.asInt()
                        + "; this Sluice reads version " + Job.VERSION + ".");
            }
            job = JSON.treeToValue(tree, Job.class);
        } catch (UnrecognizedPropertyException e) {
            String where = at(e).replaceFirst("(^ at |\\.)" + java.util.regex.Pattern.quote(e.getPropertyName()) + "$", "");
            throw new SluiceException("The job file " + file.getFileName() + " has a field Sluice does not know: '"
                    + e.getPropertyName() + "'" + (where.isBlank() ? "" : where.startsWith(" at") ? where : " in " + where.strip()) + ".", e);
        } catch (MismatchedInputException e) {
            throw new SluiceException("The job file " + file.getFileName() + " has a field of the wrong kind" + at(e) + ".", e);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new SluiceException("The job file " + file.getFileName() + " has an entry Sluice cannot use" + at(e) + ".", e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
                throw new SluiceException("The job file " + file.getFileName() + " has a number out of range for its field"
                        + at(e) + ".", e);
            }
            throw new SluiceException("The job file " + file.getFileName() + " has an entry Sluice cannot use" + at(e) + ".", e);
        } catch (JsonProcessingException e) {
            boolean line = e.getLocation() != null && e.getLocation().getLineNr() > 0;
            throw new SluiceException("The job file " + file.getFileName() + " is not valid JSON"
                    + (line ? " (line " + e.getLocation().getLineNr() + ")" : "") + ".", e);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new SluiceException("There is no job file " + file + ".", e);
        } catch (IOException e) {
            throw new SluiceException("The job file " + file + " cannot be read.", e);
        }
        if (job.version() != Job.VERSION) {
            throw new SluiceException("The job file " + file.getFileName() + " is version " + job.version()
                    + "; this Sluice reads version " + Job.VERSION + ".");
        }
        if (job.connection() == null || job.connection().dsn() == null) {
            throw new SluiceException("The job file " + file.getFileName() + " has no connection.dsn.");
        }
        checkDsn(file, job.connection().dsn());
        if (job.exports().isEmpty()) {
            throw new SluiceException("The job file " + file.getFileName() + " exports nothing (its 'exports' list is empty).");
        }
        return job;
    }

    /**
     * A job file is kept and passed around, so it never holds a password: one written into its DSN by hand
     * is refused (saying so, never what it is) rather than used, or shown in the window's DSN field.
     */
    private static void checkDsn(Path file, String dsn) {
        try {
            Dsn.parse(dsn);
            if (Dsn.embeddedPassword(dsn).isPresent()) {
                throw new SluiceException("The job file " + file.getFileName() + " has a password in connection.dsn: remove it"
                        + " (job files never hold one) and give it with --password-stdin or " + ConnectionSpec.PASSWORD_ENV
                        + ", or type it in the window.");
            }
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().startsWith("Sluice") ? e.getMessage()
                    : Character.toLowerCase(e.getMessage().charAt(0)) + e.getMessage().substring(1);
            throw new SluiceException("The job file " + file.getFileName() + " has a connection.dsn Sluice cannot use: " + why, e);
        }
    }

    /** Where in the document, e.g. {@code  at exports[1].limit}. */
    private static String at(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        return " at " + e.getPath().stream().map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
