package org.mercato.sim.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held as whole cents in a {@code long}, so ledger arithmetic is exact and conserved. */
public final class Money {
    private Money() {}

    public static long cents(double amount) {
        return BigDecimal.valueOf(amount)
                .setScale(2, RoundingMode.HALF_EVEN)
                .movePointRight(2)
                .longValueExact();
    }

    public static long cents(String amount) {
        return new BigDecimal(amount.trim())
                .setScale(2, RoundingMode.HALF_EVEN)
                .movePointRight(2)
                .longValueExact();
    }

    /** Formats cents as a plain decimal with two places, for example {@code -1234} as {@code -12.34}. */
    public static String format(long cents) {
        StringBuilder out = new StringBuilder(12);
        appendTo(out, cents);
        return out.toString();
    }

    public static void appendTo(StringBuilder out, long cents) {
        if (cents < 0) {
            out.append('-');
        }
        // Dividing before taking the absolute value keeps Long.MIN_VALUE in range.
        out.append(Math.abs(cents / 100)).append('.');
        long fraction = Math.abs(cents % 100);
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }
}
