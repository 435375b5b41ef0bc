package org.mercato.metrics.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code pricing} block of summary.json ({@link PricingFold}). {@code demand}: {@code logit} (the
 * analytic engine's learning episodes) or {@code agents} (sellers repricing against shoppers). The
 * stage game: {@code firms}, their {@code policies}, {@code quality}, {@code cost}, {@code outside},
 * {@code mu}, and its one-shot {@code nash} and {@code monopoly} points. Under logit demand: how many
 * {@code episodes}, the share {@code converged}, their {@code meanPeriods}, the profit {@code gain}
 * Delta = (profit - Nash) / (monopoly - Nash) averaged over firms, as its mean over episodes with a 95%
 * t interval ({@code low}, {@code high}), each firm's mean {@code prices} and {@code profits} at the
 * episodes' end, the mean {@code path} over logged blocks (by the block's last period {@code to}, over
 * the episodes still running then) and the mean {@code impulse} response (period -1: before the shock,
 * 0: the deviation, then 1, 2, ...). Under agent demand: each period's {@code periods} and the gain
 * over the last quarter of them ({@code lastPeriods}), in profits per shopper, the shoppers of a
 * period being its units sold over the logit shares its prices imply, and {@code priceGain}, the
 * same ratio for prices.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "demand",
    "firms",
    "policies",
    "quality",
    "cost",
    "outside",
    "mu",
    "nash",
    "monopoly",
    "episodes",
    "converged",
    "meanPeriods",
    "gain",
    "priceGain",
    "prices",
    "profits",
    "path",
    "impulseDeviator",
    "impulse",
    "lastPeriods",
    "periods"
})
public record PricingMetrics(
        String demand,
        int firms,
        List<String> policies,
        List<Double> quality,
        List<Double> cost,
        double outside,
        double mu,
        Point nash,
        Point monopoly,
        Integer episodes,
        Double converged,
        Double meanPeriods,
        Gain gain,
        Gain priceGain,
        List<Double> prices,
        List<Double> profits,
        List<Block> path,
        Integer impulseDeviator,
        List<ImpulseStep> impulse,
        Integer lastPeriods,
        List<Period> periods) {

    /** A price vector and each firm's profit. */
    @JsonPropertyOrder({"prices", "profits"})
    public record Point(List<Double> prices, List<Double> profits) {}

    /** A mean with its 95% t interval (no bounds from one value). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"mean", "low", "high"})
    public record Gain(double mean, Double low, Double high) {}

    /** The mean over the {@code episodes} that logged a block ending at period {@code to}. */
    @JsonPropertyOrder({"to", "episodes", "prices", "profits", "epsilon"})
    public record Block(long to, int episodes, List<Double> prices, List<Double> profits, double epsilon) {}

    /** Every firm's mean price in one period of the impulse response (-1: before the shock, 0: the shock). */
    @JsonPropertyOrder({"period", "prices"})
    public record ImpulseStep(int period, List<Double> prices) {}

    /** One period under agent demand: each firm's price, units sold and profit, in currency units. */
    @JsonPropertyOrder({"period", "prices", "sales", "profits"})
    public record Period(int period, List<Double> prices, List<Long> sales, List<Double> profits) {}
}
