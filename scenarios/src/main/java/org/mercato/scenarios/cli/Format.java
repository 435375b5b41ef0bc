package org.mercato.scenarios.cli;

import java.math.BigDecimal;
import java.util.Locale;

/** Number and time formats for the terminal. */
final class Format {
    private Format() {}

    /** Virtual time: {@code 850us}, {@code 12.5ms}, {@code 3.25s}, {@code 4m 12s}, {@code 2h 03m 12s}. */
    static String virtual(long micros) {
        if (micros < 1_000) {
            return micros + "us";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fms", micros / 1e3);
        }
        if (micros < 60_000_000) {
            return String.format(Locale.ROOT, "%.2fs", micros / 1e6);
        }
        long seconds = micros / 1_000_000;
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", seconds / 3_600, seconds / 60 % 60, seconds % 60);
    }

    /** Wall time: {@code 840 ms}, {@code 3.21 s}, {@code 4m 12s}. */
    static String wall(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1e3);
        }
        return virtual(millis * 1_000);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Money in currency units, with thousands separators and two decimals: {@code 3,612.13}. */
    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
