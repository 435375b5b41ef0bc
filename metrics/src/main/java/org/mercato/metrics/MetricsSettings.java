package org.mercato.metrics;

/**
 * What the folds need besides the events: whether to compute Magentic's four welfare baselines for
 * the market (they cost about customers × services work, so very large markets turn them off) and
 * the seed of their random draws (the scenario's seed).
 */
public record MetricsSettings(boolean baselines, long seed) {
    /** No baselines. */
    public static final MetricsSettings NO_BASELINES = new MetricsSettings(false, 0);

    public static MetricsSettings withBaselines(long seed) {
        return new MetricsSettings(true, seed);
    }
}
