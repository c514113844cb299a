package io.sluice.core.export;

/** Hears a run of exports, one table after another (a table's own progress comes through {@link #table}). */
public interface BatchListener {
    /** The listener for table {@code index}'s export, called as it starts. */
    default ExportListener table(int index) {
        return ExportListener.NONE;
    }

    default void finished(int index, TableOutcome outcome) {}
}
