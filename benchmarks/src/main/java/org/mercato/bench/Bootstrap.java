package org.mercato.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How far a median, or a ratio of medians, from a few noisy runs can be trusted: a percentile
 * bootstrap interval, drawn with a fixed seed so that the same runs always give the same interval.
 */
final class Bootstrap {
    static final int RESAMPLES = 4_000;
    private static final long SEED = 20_261_206L;

    private Bootstrap() {}

    /** A 95% interval. */
    record Interval(double low, double high) {
        boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /** The 95% percentile interval of median(numerator) / median(denominator), each resampled with replacement. */
    static Interval ratioOfMedians(List<Double> numerator, List<Double> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            throw new IllegalArgumentException("a bootstrap needs runs on both sides");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            ratios[i] =
                    KernelBench.median(resample(numerator, random)) / KernelBench.median(resample(denominator, random));
        }
        return percentiles(ratios);
    }

    /** The 95% percentile interval of median(values), resampled with replacement. */
    static Interval median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a bootstrap needs runs");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] medians = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            medians[i] = KernelBench.median(resample(values, random));
        }
        return percentiles(medians);
    }

    private static Interval percentiles(double[] draws) {
        Arrays.sort(draws);
        return new Interval(draws[RESAMPLES * 25 / 1000], draws[RESAMPLES * 975 / 1000 - 1]);
    }

    private static List<Double> resample(List<Double> values, SplittableRandom random) {
        List<Double> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(values.get(random.nextInt(values.size())));
        }
        return out;
    }
}
