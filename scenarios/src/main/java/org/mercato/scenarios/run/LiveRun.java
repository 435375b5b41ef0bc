package org.mercato.scenarios.run;

import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.kernel.KernelStats;

/** A run that finished: what the summary's facts read (see {@link RunFact}). */
public record LiveRun(
        Scenario scenario,
        RunCondition condition,
        RunEnvironment environment,
        SimulationSetup setup,
        KernelStats stats,
        long wallMillis) {}
