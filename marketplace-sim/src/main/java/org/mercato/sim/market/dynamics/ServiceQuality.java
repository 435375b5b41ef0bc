package org.mercato.sim.market.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The true quality in [0, 1] each service delivers (1: as listed), a step schedule per service
 * index: {@code defaultQuality} until the service's first step, then each step's value from its
 * time on.
 */
public record ServiceQuality(double defaultQuality, SortedMap<Integer, List<Step>> schedules) {
    /** Every service delivers as listed, always. */
    public static final ServiceQuality FULL = new ServiceQuality(1.0, new TreeMap<>());

    /** From {@code from} (µs) on, the service delivers {@code quality}. */
    public record Step(long from, double quality) {
        public Step {
            if (from < 0) {
                throw new IllegalArgumentException("a quality step starts at a time >= 0, was " + from);
            }
            checkQuality(quality);
        }
    }

    public ServiceQuality {
        checkQuality(defaultQuality);
        TreeMap<Integer, List<Step>> copy = new TreeMap<>();
        for (Map.Entry<Integer, List<Step>> entry : schedules.entrySet()) {
            List<Step> steps = List.copyOf(entry.getValue());
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).from() <= steps.get(i - 1).from()) {
                    throw new IllegalArgumentException(
                            "quality steps of service " + entry.getKey() + " must be in increasing time order");
                }
            }
            copy.put(entry.getKey(), steps);
        }
        schedules = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** Constant qualities per service index; services not named deliver {@code defaultQuality}. */
    public static ServiceQuality constant(double defaultQuality, Map<Integer, Double> qualities) {
        TreeMap<Integer, List<Step>> schedules = new TreeMap<>();
        qualities.forEach((service, q) -> schedules.put(service, List.of(new Step(0, q))));
        return new ServiceQuality(defaultQuality, schedules);
    }

    /** The quality service {@code serviceIndex} delivers at time {@code t}. */
    public double at(int serviceIndex, long t) {
        double quality = defaultQuality;
        List<Step> steps = schedules.get(serviceIndex);
        if (steps != null) {
            for (Step step : steps) {
                if (step.from() > t) {
                    break;
                }
                quality = step.quality();
            }
        }
        return quality;
    }

    /** The times after 0 at which some service's quality may change, in increasing order. */
    public List<Long> changeTimes() {
        TreeSet<Long> times = new TreeSet<>();
        for (List<Step> steps : schedules.values()) {
            for (Step step : steps) {
                if (step.from() > 0) {
                    times.add(step.from());
                }
            }
        }
        return new ArrayList<>(times);
    }

    private static void checkQuality(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quality must be within [0, 1], was " + q);
        }
    }
}
