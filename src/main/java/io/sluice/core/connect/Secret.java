package io.sluice.core.connect;

/**
 * A password held as characters that no log line, message or saved file can print:
 * {@link #toString()} is a mask, and only {@link #reveal()} hands it on (to the driver, which needs
 * it as a String for the login).
 */
public final class Secret {
    private static final Secret EMPTY = new Secret(new char[0]);
    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** Takes a copy, so the caller may wipe its own array. */
    public static Secret of(char[] chars) {
        return chars == null || chars.length == 0 ? EMPTY : new Secret(chars.clone());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /** A copy of the characters, for the one place that must hand them on (the driver). */
    public char[] reveal() {
        return chars.clone();
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "******";
    }
}
