package org.mercato.sim.pricing;

import java.util.Arrays;

/** A firm's m prices spanning [p^N - xi (p^M - p^N), p^M + xi (p^M - p^N)], equally spaced. */
public record PriceGrid(double[] prices) {
    public PriceGrid {
        if (prices.length == 0) {
            throw new IllegalArgumentException("a price grid needs at least one price");
        }
        prices = prices.clone();
    }

    public static PriceGrid of(double nash, double monopoly, int size, double xi) {
        if (size < 2) {
            throw new IllegalArgumentException("a price grid needs at least 2 prices, got " + size);
        }
        double span = monopoly - nash;
        double low = nash - xi * span;
        double high = monopoly + xi * span;
        double[] prices = new double[size];
        for (int i = 0; i < size; i++) {
            prices[i] = low + (high - low) * i / (size - 1);
        }
        return new PriceGrid(prices);
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    public int size() {
        return prices.length;
    }

    public double price(int index) {
        return prices[index];
    }

    /** The index of the grid price nearest {@code price}; ties go to the lower index. */
    public int nearest(double price) {
        int best = 0;
        for (int i = 1; i < prices.length; i++) {
            if (Math.abs(prices[i] - price) < Math.abs(prices[best] - price)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PriceGrid g && Arrays.equals(prices, g.prices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prices);
    }

    @Override
    public String toString() {
        return "PriceGrid" + Arrays.toString(prices);
    }
}
