package org.mercato.scenarios.cli;

import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;

/**
 * Which JIT compilers a {@code mercato run} wants. The launcher starts a run with the quick compiler
 * only (C1, {@code -XX:TieredStopAtLevel=1}): on two cores the optimising compiler (C2) used about
 * 30% of the CPU of a 20,000-customer quickstart and did not pay that back before the run ended (4.3
 * s with C1 only against 5.7 s). A run it would pay back in (a large market, sellers that learn
 * prices, a market that lives over time) exits at once with {@link #WANTS_OPTIMISING_COMPILER},
 * before it writes anything, and the launcher starts it again with both compilers.
 */
final class CompilerChoice {
    /** The launcher's cue to start the run again with both compilers (EX_TEMPFAIL). */
    static final int WANTS_OPTIMISING_COMPILER = 75;

    /** Markets from this many customers on run long enough for C2 (at 100,000 the two were even). */
    static final int LARGE_MARKET = 50_000;

    /** Set by the launcher when it started the JVM with the quick compiler only. */
    private static final String QUICK_PROPERTY = "mercato.quickCompiler";

    private CompilerChoice() {}

    /** True when this JVM runs with the quick compiler only and {@code scenario} wants both. */
    static boolean restartWithBoth(Scenario scenario) {
        return Boolean.getBoolean(QUICK_PROPERTY) && wantsOptimisingCompiler(scenario);
    }

    static boolean wantsOptimisingCompiler(Scenario scenario) {
        MarketConfig market = scenario.market();
        if (market.pricing() != null || market.dynamics() != null) {
            return true;
        }
        // a Magentic dataset is a few hundred agents; reading it just to count them costs a start
        return market.magentic() == null && ScenarioOptions.customers(scenario) >= LARGE_MARKET;
    }
}
