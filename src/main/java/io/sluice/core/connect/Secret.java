package io.sluice.core.connect;

import java.util.Arrays;

/**
 * A password held as characters, never as a {@code String} that could be interned, logged or
 * printed: {@link #toString()} is a mask. {@link #clear()} wipes it.
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

    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "******";
    }
}
