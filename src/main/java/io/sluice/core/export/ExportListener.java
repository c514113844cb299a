package io.sluice.core.export;

import java.util.List;

/**
 * Hears an export as it runs. {@link #progress} is called on the reading thread and
 * {@link #sample} on the writing thread (the first one on the reading thread, from the first rows
 * read): implementations hand off to their own thread (the UI does) and must not block.
 */
public interface ExportListener {
    ExportListener NONE = new ExportListener() {};

    /** The plan is resolved and the query is about to run. */
    default void started(ExportPlan plan) {}

    default void progress(ExportProgress progress) {}

    /**
     * A one-file export over several connections has read its ranges and joins them into the file:
     * {@code bytesWritten} of about {@code bytesInAll} so far (the parts' sizes; the file's footer is new).
     * On the thread that joins, after the last {@link #progress}.
     */
    default void joining(long bytesWritten, long bytesInAll) {}

    /** A split export's range {@code range} (0-based) has read {@code rowsRead} rows so far. */
    default void rangeProgress(int range, long rowsRead) {}

    /**
     * A few rows just written (the first ones: just read), formatted for display, one string (or
     * null) per column.
     */
    default void sample(List<List<String>> rows) {}
}
