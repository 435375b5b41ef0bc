package org.mercato.sim.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held as whole cents in a {@code long}, so ledger arithmetic is exact and conserved. */
public final class Money {
    private Money() {}

    /**
     * The largest amount of money any input may state, in cents: 10,000,000.00 (ten million
     * currency units), for a price, unit cost, customer value, budget, ad bid or reserve, LLM price
     * or bidder price alike. A {@code long} holds about 9.2e18 cents. At this bound a million
     * customers each buying a thousand units at the largest price spend 1e6 × 1e3 × 1e9 = 1e18
     * cents, so every total, welfare sum and optimum of any realistic market stays exact with room
     * to spare; what can still exceed it (absurd quantities times absurd prices) fails loudly
     * through {@link #add} and {@link #times} rather than wrapping around.
     */
    public static final long MAX_CENTS = 1_000_000_000L;

    /** {@link #MAX_CENTS} in currency units: 10000000.00. */
    public static final BigDecimal MAX = BigDecimal.valueOf(MAX_CENTS, 2);

    /**
     * The largest quantity of one item any input may request: a million units. With {@link
     * #MAX_CENTS} one order line stays below 1e15 cents.
     */
    public static final int MAX_QUANTITY = 1_000_000;

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

    /**
     * What is wrong with {@code amount} as a money input (currency units), or {@code null} when it
     * lies within 0 to {@link #MAX}. The message quotes at most a short excerpt of the value.
     */
    public static String problem(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "must be >= 0, was " + excerpt(amount);
        }
        if (amount.compareTo(MAX) > 0) {
            return tooLarge(excerpt(amount));
        }
        return null;
    }

    /** Like {@link #problem(BigDecimal)} for an amount held as a {@code double}: also refuses NaN and infinities. */
    public static String problem(double amount) {
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            return "must be a finite amount of money, was " + amount;
        }
        return problem(BigDecimal.valueOf(amount));
    }

    /** What is wrong with {@code quantity} as a requested quantity, or {@code null} when within 1 to {@link #MAX_QUANTITY}. */
    public static String quantityProblem(long quantity) {
        if (quantity < 1) {
            return "must be >= 1, was " + quantity;
        }
        if (quantity > MAX_QUANTITY) {
            return tooLargeQuantity(String.valueOf(quantity));
        }
        return null;
    }

    /** The message for a quantity (given as text) above {@link #MAX_QUANTITY}. */
    public static String tooLargeQuantity(String quantity) {
        return "must be at most " + MAX_QUANTITY + " (the largest quantity Mercato accepts), was " + quantity;
    }

    /** The message for an amount (given as text) above {@link #MAX}. */
    public static String tooLarge(String amount) {
        return "must be at most " + MAX.toPlainString() + " (the largest amount of money Mercato accepts), was "
                + amount;
    }

    /** {@code a + b} in cents, or a {@link MoneyOverflowException} naming {@code what} overflowed. */
    public static long add(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(what, a + " + " + b);
        }
    }

    /** {@code a - b} in cents, or a {@link MoneyOverflowException} naming {@code what} overflowed. */
    public static long subtract(long a, long b, String what) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(what, a + " - " + b);
        }
    }

    /** {@code quantity × cents}, or a {@link MoneyOverflowException} naming {@code what} overflowed. */
    public static long times(long quantity, long cents, String what) {
        try {
            return Math.multiplyExact(quantity, cents);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(what, quantity + " × " + cents);
        }
    }

    private static String excerpt(BigDecimal amount) {
        // toString keeps 1E+400 short where toPlainString would write 400 digits
        String text = amount.scale() < 0 || amount.precision() > 24 ? amount.toString() : amount.toPlainString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
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
