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

    public long amount() {
        return quantity * unitPrice;
    }

    public static long total(Iterable<OrderLine> lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total += line.amount();
        }
        return total;
    }
}
