package org.mercato.sim.domain;

/**
 * A sum or product of money that does not fit in a {@code long} of cents. Inputs are bounded by
 * {@link Money#MAX_CENTS}, so this means quantities or amounts far beyond any market's; the message
 * names what overflowed instead of letting the number wrap around.
 */
public final class MoneyOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final String what;

    public MoneyOverflowException(String what, String operation) {
        super("money overflow: " + what + " exceeds " + Money.format(Long.MAX_VALUE) + " (" + operation + " cents)");
        this.what = what;
    }

    /** What overflowed, such as {@code the total of proposal p-1}. */
    public String what() {
        return what;
    }
}
