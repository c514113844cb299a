package io.sluice.core.export;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations. */
public final class Units {
    private Units() {}

    public static String bytes(long b) {
        if (b < 0) {
            return "?";
        }
        if (b < 1024) {
            return b + " B";
        }
        String[] u = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int i = -1;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, u[i]);
    }

    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
