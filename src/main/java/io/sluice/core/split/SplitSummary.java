package io.sluice.core.split;

import io.sluice.core.export.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a split export wrote in this run (a resumed run counts only what it added).
 *
 * @param key the key the table was cut by, or null
 * @param note why it ran as one stream although more was asked for, or null
 */
public record SplitSummary(Path folder, long rows, int parts, long bytes, Duration elapsed, int ranges, String key,
                           int keptParts, String note) {

    public String sentence() {
        if (rows == 0 && parts == 0 && keptParts > 0) { // a resume of an export that had finished
            return String.format(Locale.ROOT, "Nothing was left to export: the %d %s in %s %s complete, so none was read again.",
                    keptParts, keptParts == 1 ? "part" : "parts", folder, keptParts == 1 ? "is" : "are");
        }
        String kept = keptParts > 0 ? String.format(Locale.ROOT, " (%d complete parts kept)", keptParts) : "";
        String by = ranges > 1 ? String.format(Locale.ROOT, ", %d ranges of %s", ranges, key) : "";
        return String.format(Locale.ROOT, "Wrote %,d %s to %s in %d %s%s (%s) in %s%s.", rows, rows == 1 ? "row" : "rows", folder,
                parts, parts == 1 ? "part" : "parts", by, Units.bytes(bytes), Units.duration(elapsed), kept);
    }
}
