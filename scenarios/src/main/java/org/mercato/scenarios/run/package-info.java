/**
 * The run layer: runs a scenario into a run folder ({@link org.mercato.scenarios.run.ScenarioRunner})
 * and recomputes a folder's summary ({@link org.mercato.scenarios.run.RunReport}). A run is
 * assembled from {@link org.mercato.scenarios.run.RunFeature}s listed in {@link
 * org.mercato.scenarios.run.RunFeatures} (core market, LLM, agents and listings, ads, strategy
 * auction): each wires its part of the market, adds its blocks to {@code summary.json} ({@link
 * org.mercato.scenarios.run.SummaryFold}s over the event log, {@link
 * org.mercato.scenarios.run.RunFact}s of the live run) and closes what it holds. The live run and
 * {@code mercato report} take the same fold list, and {@link org.mercato.scenarios.run.SummaryFactory}
 * builds {@link org.mercato.scenarios.run.RunSummary} for both. Depends on {@code model}, {@code
 * keys}, {@code load} (to write and reread the resolved scenario), {@code generate} and {@code
 * magentic} (catalogs).
 */
package org.mercato.scenarios.run;
