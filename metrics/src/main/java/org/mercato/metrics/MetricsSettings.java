package org.mercato.metrics;

import org.mercato.metrics.bias.LogitSpec;

/**
 * What the folds need besides the events: whether to compute Magentic's four welfare baselines for
 * the market (they cost about customers × services work, so very large markets turn them off), the
 * seed of their random draws (the scenario's seed), and what the page-choice logit estimates.
 */
public record MetricsSettings(boolean baselines, long seed, LogitSpec logit) {
    /** No baselines. */
    public static final MetricsSettings NO_BASELINES = new MetricsSettings(false, 0);

    public MetricsSettings {
        logit = logit == null ? LogitSpec.DEFAULT : logit;
    }

    /** The default logit. */
    public MetricsSettings(boolean baselines, long seed) {
        this(baselines, seed, LogitSpec.DEFAULT);
    }

    public static MetricsSettings withBaselines(long seed) {
        return new MetricsSettings(true, seed);
    }

    /** These settings with {@code logit} for the page-choice logit. */
    public MetricsSettings withLogit(LogitSpec logit) {
        return new MetricsSettings(baselines, seed, logit);
    }
}
