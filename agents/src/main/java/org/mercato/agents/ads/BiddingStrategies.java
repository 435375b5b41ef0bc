package org.mercato.agents.ads;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mercato.sim.market.ads.Bidder;
import org.mercato.sim.random.Seeds;

/**
 * The bidding strategies by name: {@code truthful}, {@code shaded} (value × {@code shade}),
 * {@code paced} (budget pacing over {@code horizon}) and {@code learning} (an epsilon-greedy bandit
 * over {@code factors}). A learning bidder draws from {@code Seeds.derive(seed,
 * "market/ads/bidder/<service>")}.
 */
public final class BiddingStrategies {
    /** One strategy: its scenario name and how it makes a fresh bidder from a group's params. */
    private record Strategy(String name, Function<Params, Bidder> bidder) {}

    private static final List<Strategy> STRATEGIES = List.of(
            new Strategy("truthful", p -> new TruthfulBidder(p.value())),
            new Strategy("shaded", p -> new ShadedBidder(p.value(), p.shade())),
            new Strategy("paced", p -> new PacedBidder(p.value(), p.budget(), p.horizon())),
            new Strategy(
                    "learning",
                    p -> new BanditBidder(
                            p.value(),
                            p.factors(),
                            p.epsilon(),
                            Seeds.derive(p.seed(), "market/ads/bidder/" + p.service()))));

    /** The strategies' names, in the order above. */
    public static final List<String> NAMES =
            STRATEGIES.stream().map(Strategy::name).toList();

    /** The learning bidder's default arms. */
    public static final List<Double> DEFAULT_FACTORS = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

    private BiddingStrategies() {}

    /**
     * What a strategy needs: the advertiser, its value per billing unit (cents), its ad budget
     * ({@code Long.MAX_VALUE} for none), the shading factor, the pacing horizon (micros), the
     * learning bidder's arms and exploration rate, and the run's seed.
     */
    public record Params(
            String service,
            long value,
            long budget,
            double shade,
            long horizon,
            List<Double> factors,
            double epsilon,
            long seed) {
        public Params {
            factors = factors == null ? DEFAULT_FACTORS : List.copyOf(factors);
        }
    }

    /** A factory of fresh bidders (one per run) for the named strategy. */
    public static Supplier<Bidder> create(String strategy, Params p) {
        for (Strategy known : STRATEGIES) {
            if (known.name().equals(strategy)) {
                return () -> known.bidder().apply(p);
            }
        }
        throw new IllegalArgumentException(
                "unknown bidding strategy '" + strategy + "', expected one of " + String.join(", ", NAMES));
    }

    static long requireValue(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a bidder's value must be >= 0, was " + value);
        }
        return value;
    }

    static double requireFactor(String name, double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException(name + " must be within (0, 1], was " + factor);
        }
        return factor;
    }
}
