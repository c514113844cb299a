package io.sluice.core.write;

/**
 * The smallest and largest of a page's integer keys. A column of unsigned values gives its values
 * with the sign bit flipped, so that signed order is the column's order.
 */
final class KeyRange {
    private long min;
    private long max;
    private boolean any;

    void observe(long key) {
        if (!any) {
            min = key;
            max = key;
            any = true;
        } else if (key < min) {
            min = key;
        } else if (key > max) {
            max = key;
        }
    }

    boolean any() {
        return any;
    }

    long min() {
        return min;
    }

    long max() {
        return max;
    }

    void reset() {
        any = false;
    }
}
