package org.mercato.scenarios.run;

import org.mercato.metrics.MetricsSettings;

/**
 * What a feature's folds need to know: whether they fold a live run ({@code live}; else {@code
 * mercato report} rereads a log), the market metrics' settings, and whether the market fold runs in
 * the live metrics actor ({@code actors}: the actor kernel).
 */
public record SummaryContext(boolean live, MetricsSettings metrics, boolean actors) {}
