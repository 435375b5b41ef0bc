package org.mercato.sim.events;

import java.util.List;

/**
 * The stage game of a pricing market and its one-shot benchmarks: per-firm quality {@code a_i},
 * cost {@code c_i}, the outside good {@code a_0} and {@code mu} of the logit demand, the
 * Bertrand-Nash and joint-monopoly prices and profits, and firm 0's price grid.
 */
public record PricingBenchmarkEvent(
        int firms,
        List<Double> quality,
        List<Double> cost,
        double outside,
        double mu,
        List<Double> nashPrices,
        List<Double> nashProfits,
        List<Double> monopolyPrices,
        List<Double> monopolyProfits,
        List<Double> grid)
        implements Event {
    public PricingBenchmarkEvent {
        quality = List.copyOf(quality);
        cost = List.copyOf(cost);
        nashPrices = List.copyOf(nashPrices);
        nashProfits = List.copyOf(nashProfits);
        monopolyPrices = List.copyOf(monopolyPrices);
        monopolyProfits = List.copyOf(monopolyProfits);
        grid = List.copyOf(grid);
    }

    @Override
    public String type() {
        return "pricing_benchmark";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("firms", firms)
                .numbers("quality", quality)
                .numbers("cost", cost)
                .field("outside", outside)
                .field("mu", mu)
                .numbers("nashPrices", nashPrices)
                .numbers("nashProfits", nashProfits)
                .numbers("monopolyPrices", monopolyPrices)
                .numbers("monopolyProfits", monopolyProfits)
                .numbers("grid", grid);
    }
}
