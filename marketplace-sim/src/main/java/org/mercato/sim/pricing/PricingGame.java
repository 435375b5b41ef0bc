package org.mercato.sim.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The stage game the firms repeat: the demand, each firm's price grid and the benchmarks. The
 * state is the last {@code memory} periods' price profiles, each profile a mixed-radix number over
 * the firms' grid indices (firm 0 the lowest digit), the most recent period the lowest digits.
 */
public record PricingGame(LogitDemand demand, List<PriceGrid> grids, int memory, PriceBenchmarks benchmarks) {
    public PricingGame {
        grids = List.copyOf(grids);
        if (grids.size() != demand.firms()) {
            throw new IllegalArgumentException(
                    "one price grid per firm: " + demand.firms() + " firms, " + grids.size() + " grids");
        }
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be at least 1 period, got " + memory);
        }
    }

    /** Solves the benchmarks and gives firm i the grid from its own p^N_i and p^M_i. */
    public static PricingGame of(LogitDemand demand, int gridSize, double xi, int memory) {
        PriceBenchmarks benchmarks = PriceBenchmarks.solve(demand);
        List<PriceGrid> grids = new ArrayList<>();
        for (int i = 0; i < demand.firms(); i++) {
            grids.add(PriceGrid.of(
                    benchmarks.nash().price(i), benchmarks.monopoly().price(i), gridSize, xi));
        }
        return new PricingGame(demand, grids, memory, benchmarks);
    }

    public int firms() {
        return grids.size();
    }

    public PriceGrid grid(int firm) {
        return grids.get(firm);
    }

    /** How many price profiles one period can show: the product of the grid sizes. */
    public int profiles() {
        long profiles = 1;
        for (PriceGrid grid : grids) {
            profiles *= grid.size();
            if (profiles > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a pricing game of " + firms() + " firms has more than "
                        + Integer.MAX_VALUE + " price profiles");
            }
        }
        return (int) profiles;
    }

    /** Product of grid sizes ^ memory; a game with more than 2^31 - 1 states is refused. */
    public int states() {
        long states = 1;
        for (int k = 0; k < memory; k++) {
            states *= profiles();
            if (states > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a pricing game of " + firms() + " firms with grids of "
                        + grids.get(0).size() + " prices and memory " + memory + " has more than "
                        + Integer.MAX_VALUE + " states");
            }
        }
        return (int) states;
    }
}
