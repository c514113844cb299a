package io.sluice.core.export;

/** Limits both faces share, said once. */
public final class Limits {
    /** Rows of an export shown as its sample, and rows looked at for personal data. */
    public static final int SAMPLE_ROWS = 200;
    /** Rows the window's preview shows when the Limit field is empty. */
    public static final int DEFAULT_PREVIEW_ROWS = 100;
    /** The most rows a preview reads. */
    public static final int MAX_PREVIEW_ROWS = 10_000;
    public static final String NEGATIVE_LIMIT = "The row limit cannot be negative.";

    private Limits() {}

    /** The rows a preview of {@code requested} rows reads: 0 to {@link #MAX_PREVIEW_ROWS}. */
    public static int previewRows(int requested) {
        return Math.max(0, Math.min(requested, MAX_PREVIEW_ROWS));
    }

    /**
     * A row limit as typed into a form: empty for none, digits with optional thousands separators.
     *
     * @throws IllegalArgumentException with one sentence when it is not a whole number or negative
     */
    public static Long parseRowLimit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The row limit must be a whole number.");
        }
        return checkRowLimit(n);
    }

    /** @throws IllegalArgumentException when negative */
    public static Long checkRowLimit(Long limit) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException(NEGATIVE_LIMIT);
        }
        return limit;
    }
}
