package org.mercato.metrics.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercato.metrics.bias.Rounding;
import org.mercato.metrics.estimation.Interval;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingBenchmarkEvent;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.pricing.LogitDemand;

/**
 * The {@code pricing} block ({@link PricingMetrics}) from the {@code pricing_benchmark}, {@code
 * pricing_block}, {@code pricing_episode}, {@code pricing_impulse} and {@code pricing_period} events,
 * so {@code mercato report} recomputes it from the log. Events of other types are ignored; a log
 * without a benchmark gives {@code null}. The policies' names are not in the log: the caller passes
 * them to {@link #result}.
 */
public final class PricingFold implements EventSink {
    private PricingBenchmarkEvent benchmark;
    private final List<Double> gains = new ArrayList<>();
    private int episodes;
    private int converged;
    private long periods;
    private double[] priceSums;
    private double[] profitSums;
    private final SortedMap<Long, BlockSums> path = new TreeMap<>();
    private int impulseDeviator = -1;
    private int impulses;
    private List<double[]> impulseSums;
    private final List<PricingPeriodEvent> marketPeriods = new ArrayList<>();

    private static final class BlockSums {
        int episodes;
        double[] prices;
        double[] profits;
        double epsilon;
    }

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof PricingBenchmarkEvent b) {
            if (benchmark == null) {
                benchmark = b;
            }
        } else if (event instanceof PricingBlockEvent b) {
            BlockSums sums = path.computeIfAbsent(b.to(), to -> new BlockSums());
            sums.episodes++;
            sums.prices = add(sums.prices, b.prices());
            sums.profits = add(sums.profits, b.profits());
            sums.epsilon += b.epsilon();
        } else if (event instanceof PricingEpisodeEvent e) {
            episodes++;
            converged += e.converged() ? 1 : 0;
            periods += e.periods();
            gains.add(e.gain());
            priceSums = add(priceSums, e.prices());
            profitSums = add(profitSums, e.profits());
        } else if (event instanceof PricingImpulseEvent i) {
            impulse(i);
        } else if (event instanceof PricingPeriodEvent p) {
            marketPeriods.add(p);
        }
    }

    private void impulse(PricingImpulseEvent i) {
        impulses++;
        impulseDeviator = i.deviator();
        if (impulseSums == null) {
            impulseSums = new ArrayList<>();
        }
        for (int step = 0; step < i.prices().size(); step++) {
            if (step == impulseSums.size()) {
                impulseSums.add(null);
            }
            impulseSums.set(step, add(impulseSums.get(step), i.prices().get(step)));
        }
    }

    /** The block, the firms' policies named by {@code policies} (null or empty when unknown); null without pricing. */
    public PricingMetrics result(List<String> policies) {
        if (benchmark == null) {
            return null;
        }
        boolean agents = !marketPeriods.isEmpty() && episodes == 0;
        var nash = new PricingMetrics.Point(six(benchmark.nashPrices()), six(benchmark.nashProfits()));
        var monopoly = new PricingMetrics.Point(six(benchmark.monopolyPrices()), six(benchmark.monopolyProfits()));
        List<PricingMetrics.Block> blocks = new ArrayList<>();
        path.forEach((to, sums) -> blocks.add(new PricingMetrics.Block(
                to,
                sums.episodes,
                mean(sums.prices, sums.episodes),
                mean(sums.profits, sums.episodes),
                Rounding.six(sums.epsilon / sums.episodes))));
        List<PricingMetrics.ImpulseStep> impulse = null;
        if (impulseSums != null) {
            impulse = new ArrayList<>();
            for (int step = 0; step < impulseSums.size(); step++) {
                impulse.add(new PricingMetrics.ImpulseStep(step - 1, mean(impulseSums.get(step), impulses)));
            }
        }
        int last = agents ? Math.max(1, marketPeriods.size() / 4) : 0;
        return new PricingMetrics(
                agents ? "agents" : "logit",
                benchmark.firms(),
                policies == null || policies.isEmpty() ? null : List.copyOf(policies),
                six(benchmark.quality()),
                six(benchmark.cost()),
                Rounding.six(benchmark.outside()),
                Rounding.six(benchmark.mu()),
                nash,
                monopoly,
                agents ? null : episodes,
                agents ? null : Rounding.share(converged, episodes),
                episodes == 0 ? null : Rounding.six(periods / (double) episodes),
                agents ? gain(profitGains(last)) : gain(gains),
                agents ? gain(priceGains(last)) : null,
                episodes == 0 ? null : mean(priceSums, episodes),
                episodes == 0 ? null : mean(profitSums, episodes),
                blocks.isEmpty() ? null : blocks,
                impulse == null ? null : impulseDeviator,
                impulse,
                agents ? last : null,
                agents ? periods() : null);
    }

    private List<PricingMetrics.Period> periods() {
        List<PricingMetrics.Period> out = new ArrayList<>();
        for (PricingPeriodEvent p : marketPeriods) {
            out.add(new PricingMetrics.Period(p.period(), currency(p.prices()), p.sales(), currency(p.profits())));
        }
        return out;
    }

    /**
     * Per period among the last {@code last}: Delta of the profits per shopper, the shoppers being the
     * units sold over the logit shares the posted prices imply (periods without a sale are left out).
     */
    private List<Double> profitGains(int last) {
        LogitDemand demand = new LogitDemand(
                array(benchmark.quality()), array(benchmark.cost()), benchmark.outside(), benchmark.mu());
        List<Double> out = new ArrayList<>();
        for (PricingPeriodEvent p : lastPeriods(last)) {
            double[] prices = array(currency(p.prices()));
            double sold = p.sales().stream().mapToLong(Long::longValue).sum();
            double share = 0;
            for (double q : demand.shares(prices)) {
                share += q;
            }
            if (sold == 0 || share <= 0) {
                continue;
            }
            double shoppers = sold / share;
            List<Double> profits = currency(p.profits());
            double[] perShopper = new double[profits.size()];
            for (int i = 0; i < perShopper.length; i++) {
                perShopper[i] = profits.get(i) / shoppers;
            }
            out.add(delta(perShopper, benchmark.nashProfits(), benchmark.monopolyProfits()));
        }
        return out;
    }

    private List<Double> priceGains(int last) {
        List<Double> out = new ArrayList<>();
        for (PricingPeriodEvent p : lastPeriods(last)) {
            out.add(delta(array(currency(p.prices())), benchmark.nashPrices(), benchmark.monopolyPrices()));
        }
        return out;
    }

    private List<PricingPeriodEvent> lastPeriods(int last) {
        return marketPeriods.subList(Math.max(0, marketPeriods.size() - last), marketPeriods.size());
    }

    /** (x - nash) / (monopoly - nash), averaged over firms. */
    static double delta(double[] values, List<Double> nash, List<Double> monopoly) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (values[i] - nash.get(i)) / (monopoly.get(i) - nash.get(i));
        }
        return sum / values.length;
    }

    private static PricingMetrics.Gain gain(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        Interval interval = Interval.of(values);
        return new PricingMetrics.Gain(
                Rounding.six(interval.mean()),
                interval.lower() == null ? null : Rounding.six(interval.lower()),
                interval.upper() == null ? null : Rounding.six(interval.upper()));
    }

    private static double[] add(double[] sums, List<Double> values) {
        double[] out = sums == null ? new double[values.size()] : sums;
        for (int i = 0; i < Math.min(out.length, values.size()); i++) {
            out[i] += values.get(i);
        }
        return out;
    }

    private static List<Double> mean(double[] sums, int n) {
        List<Double> out = new ArrayList<>();
        for (double sum : sums) {
            out.add(Rounding.six(sum / n));
        }
        return out;
    }

    private static List<Double> six(List<Double> values) {
        return values.stream().map(Rounding::six).toList();
    }

    private static List<Double> currency(List<Long> cents) {
        return cents.stream().map(c -> c / 100.0).toList();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
