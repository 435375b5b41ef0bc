package org.mercato.scenarios.studies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.dynamics.PeriodFold;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.CatalogFactory;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.kernel.KernelListener;

/** Runs a bundled study in-process (bare loop, no run folder) with overrides, and reads its outcome. */
final class Studies {
    private Studies() {}

    /** A run's events and the metrics folded from them. */
    record Outcome(Scenario scenario, List<LoggedEvent> events, MarketMetrics metrics) {
        /** Payment amounts in cents by service, and the total under the key {@code ""}. */
        Map<String, Long> salesByService() {
            Map<String, Long> sales = new TreeMap<>();
            for (LoggedEvent e : events) {
                if (e.event() instanceof PaymentEvent p) {
                    sales.merge(p.service(), p.amount(), Long::sum);
                    sales.merge("", p.amount(), Long::sum);
                }
            }
            return sales;
        }

        /** The service's share of all payment amounts (0 when nothing was sold). */
        double salesShare(String service) {
            Map<String, Long> sales = salesByService();
            long total = sales.getOrDefault("", 0L);
            return total == 0 ? 0 : (double) sales.getOrDefault(service, 0L) / total;
        }

        double efficiency() {
            return metrics.welfare().efficiency();
        }

        /** The id of the catalog's first service (the first service group's first agent). */
        String firstService() {
            return CatalogFactory.catalog(scenario).services().get(0).id();
        }
    }

    /** The bundled study {@code name} with {@code overrides}, in the bare loop. */
    static Scenario load(String name, String... overrides) {
        List<String> sets = new ArrayList<>(List.of("kernel.mode=bare"));
        sets.addAll(List.of(overrides));
        return ScenarioValidator.load(Path.of(name + ".yaml"), sets, PolicyRegistry.builtIn());
    }

    static Scenario withSeed(Scenario s, long seed) {
        return new Scenario(
                s.name(),
                s.description(),
                seed,
                s.kernel(),
                s.market(),
                s.agents(),
                s.prices(),
                s.output(),
                s.sweep(),
                s.gateway());
    }

    static Outcome run(Scenario scenario) {
        List<LoggedEvent> events = new ArrayList<>();
        MetricsCollector metrics = new MetricsCollector();
        Simulation.run(
                WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn())),
                List.of(events::add, metrics),
                KernelListener.NONE);
        return new Outcome(scenario, events, metrics.metrics());
    }

    static Outcome run(String name, String... overrides) {
        return run(load(name, overrides));
    }

    /**
     * The per-period series ({@code summary.json}'s {@code periods}) of a study run with {@code
     * common} and then {@code more} overrides.
     */
    static List<PeriodStats> periods(String name, List<String> common, String... more) {
        List<String> sets = new ArrayList<>(common);
        sets.addAll(List.of(more));
        PeriodFold fold = new PeriodFold();
        run(name, sets.toArray(String[]::new)).events().forEach(fold::accept);
        return fold.result();
    }

    /** The mean of a period series over periods {@code from} to {@code to} - 1 (a period without it counts 0). */
    static double mean(List<PeriodStats> periods, int from, int to, Function<PeriodStats, Number> series) {
        double sum = 0;
        for (int p = from; p < to; p++) {
            Number value = series.apply(periods.get(p));
            sum += value == null ? 0 : value.doubleValue();
        }
        return sum / (to - from);
    }

    /** Mean and standard error of the mean. */
    record MeanSe(double mean, double se) {
        static MeanSe of(List<Double> values) {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
            double ss =
                    values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new MeanSe(mean, Math.sqrt(ss / (n - 1) / n));
        }
    }
}
