package org.mercato.sim.pricing;

import static org.mercato.sim.events.JsonLine.round6;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.events.PricingBenchmarkEvent;

/** Builds pricing events from engine numbers, rounded to 6 decimals like the strategy-auction events. */
public final class PricingEvents {
    private PricingEvents() {}

    /** The stage game and its benchmarks, as written once before the episodes (and by agent-demand markets). */
    public static PricingBenchmarkEvent benchmark(PricingGame game) {
        LogitDemand demand = game.demand();
        PriceBenchmarks benchmarks = game.benchmarks();
        return new PricingBenchmarkEvent(
                demand.firms(),
                rounded(demand.quality()),
                rounded(demand.cost()),
                round6(demand.outside()),
                round6(demand.mu()),
                rounded(benchmarks.nash().prices()),
                rounded(benchmarks.nash().profits()),
                rounded(benchmarks.monopoly().prices()),
                rounded(benchmarks.monopoly().profits()),
                rounded(game.grid(0).prices()));
    }

    static List<Double> rounded(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(round6(value));
        }
        return list;
    }
}
