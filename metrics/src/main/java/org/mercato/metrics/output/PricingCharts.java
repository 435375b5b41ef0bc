package org.mercato.metrics.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.mercato.metrics.pricing.PricingMetrics;

/**
 * The report's section on sellers that learn prices: the benchmarks and the profit gain, each firm's
 * mean price over the logged blocks of the learning episodes (or over the periods of a market with
 * shoppers), and the mean impulse response, each against the Nash and monopoly prices.
 */
final class PricingCharts {
    private static final String[] FIRM_COLOURS = {
        SvgChart.BLUE, SvgChart.RED, SvgChart.GREEN, SvgChart.PURPLE, SvgChart.ORANGE
    };

    private PricingCharts() {}

    static void section(StringBuilder html, PricingMetrics pricing) {
        if (pricing == null) {
            return;
        }
        html.append("<h2 id=\"pricing\">Sellers that learn prices: ")
                .append(pricing.firms())
                .append(" firms, ")
                .append(pricing.demand())
                .append(" demand</h2>");
        html.append(summary(pricing));
        if (pricing.path() != null) {
            List<Double> x = new ArrayList<>();
            pricing.path().forEach(block -> x.add(block.to() / 1000.0));
            List<SvgChart.Trace> traces = firmTraces(pricing, x, pricing.path(), PricingMetrics.Block::prices);
            traces.addAll(benchmarks(pricing, x));
            html.append("<h3>Mean price over the learning episodes</h3>");
            html.append(SvgChart.traces(
                    traces, "firms", new SvgChart.Axes("Periods (thousands)", "Mean price (currency units)")));
            html.append("<p class=\"note\">Each point is the firms' mean price over a logged block, averaged over"
                    + " the episodes still learning at its end; the grey lines are the one-shot Nash and"
                    + " monopoly prices.</p>");
        }
        if (pricing.impulse() != null) {
            List<Double> x = new ArrayList<>();
            pricing.impulse().forEach(step -> x.add((double) step.period()));
            List<SvgChart.Trace> traces = firmTraces(pricing, x, pricing.impulse(), PricingMetrics.ImpulseStep::prices);
            traces.addAll(benchmarks(pricing, x));
            html.append("<h3>Impulse response: firm ")
                    .append(pricing.impulseDeviator())
                    .append(" deviates for one period</h3>");
            html.append(SvgChart.traces(
                    traces,
                    "firms",
                    new SvgChart.Axes(
                            "Period after the deviation (-1: before, 0: the deviation)",
                            "Mean price (currency units)")));
            html.append("<p class=\"note\">After convergence the deviator plays its static best response for one"
                    + " period, then every firm plays greedily again: a drop of the rivals' prices after the"
                    + " deviation (punishment) and a return towards the earlier prices mark collusion rather than"
                    + " mere high prices (Calvano et al. 2020, Figure 4). Mean over the episodes.</p>");
        }
        if (pricing.periods() != null) {
            List<Double> x = new ArrayList<>();
            pricing.periods().forEach(period -> x.add((double) period.period()));
            List<SvgChart.Trace> traces = firmTraces(pricing, x, pricing.periods(), PricingMetrics.Period::prices);
            traces.addAll(benchmarks(pricing, x));
            html.append("<h3>Prices per period</h3>");
            html.append(SvgChart.traces(traces, "firms", new SvgChart.Axes("Period", "Price (currency units)")));
        }
    }

    private static String summary(PricingMetrics pricing) {
        StringBuilder out = new StringBuilder("<p>");
        out.append(String.format(
                Locale.ROOT,
                "Nash prices %s (profits %s), monopoly prices %s (profits %s)",
                numbers(pricing.nash().prices()),
                numbers(pricing.nash().profits()),
                numbers(pricing.monopoly().prices()),
                numbers(pricing.monopoly().profits())));
        if (pricing.policies() != null) {
            out.append("; policies ").append(SvgChart.escape(String.join(", ", pricing.policies())));
        }
        out.append(".");
        if (pricing.gain() != null) {
            out.append(" Profit gain Δ ")
                    .append(SvgChart.number(pricing.gain().mean()))
                    .append(
                            pricing.gain().low() == null
                                    ? ""
                                    : " (95% interval "
                                            + SvgChart.number(pricing.gain().low()) + " to "
                                            + SvgChart.number(pricing.gain().high()) + ")");
            out.append(
                    pricing.episodes() == null
                            ? " over the last " + pricing.lastPeriods() + " periods"
                            : " over " + pricing.episodes() + " episodes, " + SvgChart.number(pricing.converged())
                                    + " of them converged");
            out.append(" (0: Nash profits, 1: monopoly profits).");
        }
        return out.append("</p>").toString();
    }

    private static <T> List<SvgChart.Trace> firmTraces(
            PricingMetrics pricing, List<Double> x, List<T> points, Function<T, List<Double>> prices) {
        List<SvgChart.Trace> traces = new ArrayList<>();
        for (int firm = 0; firm < pricing.firms(); firm++) {
            List<Double> y = new ArrayList<>();
            for (T point : points) {
                List<Double> p = prices.apply(point);
                y.add(firm < p.size() ? p.get(firm) : null);
            }
            traces.add(new SvgChart.Trace("firm " + firm, x, y, FIRM_COLOURS[firm % FIRM_COLOURS.length]));
        }
        return traces;
    }

    /** Firm 0's Nash and monopoly prices as flat lines. */
    private static List<SvgChart.Trace> benchmarks(PricingMetrics pricing, List<Double> x) {
        double nash = pricing.nash().prices().get(0);
        double monopoly = pricing.monopoly().prices().get(0);
        return List.of(
                new SvgChart.Trace("Nash", x, x.stream().map(v -> nash).toList(), SvgChart.GREY),
                new SvgChart.Trace("monopoly", x, x.stream().map(v -> monopoly).toList(), SvgChart.GREY));
    }

    private static String numbers(List<Double> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(SvgChart.number(v)));
        return String.join(", ", out);
    }
}
