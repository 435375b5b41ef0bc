package org.mercato.sim.domain;

/** One line of a proposal: an item, a quantity and the unit price in cents. */
public record OrderLine(String item, int quantity, long unitPrice) {
    public OrderLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be > 0");
        }
        if (unitPrice < 0) {
            throw new IllegalArgumentException("unit price must be >= 0");
        }
    }

    /**
     * Quantity times unit price.
     *
     * @throws MoneyOverflowException if it does not fit in a {@code long} of cents
     */
    public long amount() {
        return Money.times(quantity, unitPrice, "the amount of an order line");
    }

    /**
     * The sum of the lines' amounts.
     *
     * @throws MoneyOverflowException if it does not fit in a {@code long} of cents
     */
    public static long total(Iterable<OrderLine> lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total = Money.add(total, line.amount(), "the total of an order");
        }
        return total;
    }
}
