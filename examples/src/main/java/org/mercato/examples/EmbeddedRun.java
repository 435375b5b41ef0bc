package org.mercato.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.mercato.metrics.MarketMetrics;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;

/** Runs the bundled quickstart in this JVM, smaller, and prints a few of its numbers. */
public final class EmbeddedRun {
    public static void main(String[] args) throws IOException {
        RunResult result = run(Path.of(args.length > 0 ? args[0] : "runs"));
        MarketMetrics market = result.summary().market();
        MarketMetrics.Welfare welfare = market.welfare();
        System.out.println("welfare " + welfare.total() + " of " + welfare.optimal() + " (efficiency "
                + welfare.efficiency() + ")");
        System.out.println(market.customersServed() + " of " + market.customers() + " customers served, "
                + market.payments().count() + " payments");
        System.out.println("events in " + result.eventLog());
    }

    /** Runs into a new folder under {@code runs}: events.jsonl, summary.json, report.html, run.log. */
    public static RunResult run(Path runs) throws IOException {
        // --set style overrides: a smaller market, another seed, no results.duckdb
        Scenario scenario = Mercato.bundled(
                "quickstart",
                "market.generate.customers=50",
                "market.generate.services=10",
                "seed=7",
                "output.duckdb=false");
        return Mercato.writingTo(runs).run(scenario);
    }
}
