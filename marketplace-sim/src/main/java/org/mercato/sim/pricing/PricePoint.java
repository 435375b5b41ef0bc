package org.mercato.sim.pricing;

import java.util.Arrays;

/** A price vector with each firm's profit. */
public record PricePoint(double[] prices, double[] profits) {
    public PricePoint {
        prices = prices.clone();
        profits = profits.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] profits() {
        return profits.clone();
    }

    public double price(int firm) {
        return prices[firm];
    }

    public double profit(int firm) {
        return profits[firm];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PricePoint p && Arrays.equals(prices, p.prices) && Arrays.equals(profits, p.profits);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prices) + Arrays.hashCode(profits);
    }

    @Override
    public String toString() {
        return "PricePoint[prices=" + Arrays.toString(prices) + ", profits=" + Arrays.toString(profits) + "]";
    }
}
