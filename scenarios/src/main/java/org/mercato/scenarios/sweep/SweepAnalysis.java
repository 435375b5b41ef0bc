package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mercato.metrics.estimation.Interval;

/**
 * The cross-cell statistics of a sweep, over the cells that finished {@code ok}: per design point
 * (mean and 95% t interval across its replicates), per factor level (across every cell at that
 * level), and paired differences of each level against the factor's first level, pairing cells that
 * agree on every other factor and on the seed (common random numbers make these much tighter than
 * the difference of two means). A numeric factor with more than {@value #MAX_LEVELS} distinct values
 * (a sampled design) is cut into {@value #BINS} equal-width bins for the level statistics and has no
 * paired differences.
 */
public final class SweepAnalysis {
    static final int MAX_LEVELS = 8;
    static final int BINS = 5;

    public record PointStat(Map<String, String> point, String metric, Interval interval) {}

    public record LevelStat(String factor, String level, String metric, Interval interval) {}

    public record PairedDiff(String factor, String level, String baseline, String metric, Interval interval) {}

    /**
     * One metric over the cells at a level of factor {@code x} and a level of factor {@code line}
     * (whatever the other factors and the replicate): mean and 95% t interval.
     */
    public record InteractionStat(String xLevel, String lineLevel, Interval interval) {}

    private final List<String> factors;
    private final List<String> metrics;
    private final List<PointStat> points = new ArrayList<>();
    private final List<LevelStat> levels = new ArrayList<>();
    private final List<PairedDiff> pairs = new ArrayList<>();
    private final Map<String, List<String>> levelOrder = new LinkedHashMap<>();
    /** Each factor's level (or bin) of each ok cell, by cell id. */
    private final Map<String, Map<String, String>> levelOfCell = new LinkedHashMap<>();

    private List<SweepStore.StoredCell> ok = List.of();
    private Map<String, Map<String, Double>> metricsByCell = Map.of();

    private SweepAnalysis(List<String> factors, List<String> metrics) {
        this.factors = List.copyOf(factors);
        this.metrics = List.copyOf(metrics);
    }

    public static SweepAnalysis of(
            List<SweepStore.StoredCell> cells, Map<String, Map<String, Double>> metricsByCell, List<String> factors) {
        List<SweepStore.StoredCell> ok = cells.stream()
                .filter(SweepStore.StoredCell::ok)
                .sorted(Comparator.comparingInt(SweepStore.StoredCell::index).thenComparing(SweepStore.StoredCell::id))
                .toList();
        Set<String> names = new TreeSet<>();
        for (SweepStore.StoredCell c : ok) {
            names.addAll(metricsByCell.getOrDefault(c.id(), Map.of()).keySet());
        }
        SweepAnalysis a = new SweepAnalysis(factors, List.copyOf(names));
        a.ok = ok;
        a.metricsByCell = metricsByCell;
        a.pointStats(ok, metricsByCell);
        for (String factor : factors) {
            a.factorStats(factor, ok, metricsByCell);
        }
        return a;
    }

    public List<String> factors() {
        return factors;
    }

    public List<String> metrics() {
        return metrics;
    }

    public List<PointStat> points() {
        return points;
    }

    public List<LevelStat> levels() {
        return levels;
    }

    public List<PairedDiff> pairs() {
        return pairs;
    }

    /** A factor's levels (or bins) in plot order. */
    public List<String> levelsOf(String factor) {
        return levelOrder.getOrDefault(factor, List.of());
    }

    /**
     * The interaction of two factors on {@code metric}: for each level of {@code line}, then each
     * level of {@code x} (in plot order), the mean over the cells at both levels with its 95% t
     * interval; combinations without a value are left out.
     */
    public List<InteractionStat> interaction(String x, String line, String metric) {
        Map<String, String> xOf = levelOfCell.getOrDefault(x, Map.of());
        Map<String, String> lineOf = levelOfCell.getOrDefault(line, Map.of());
        List<InteractionStat> out = new ArrayList<>();
        for (String lineLevel : levelsOf(line)) {
            for (String xLevel : levelsOf(x)) {
                List<SweepStore.StoredCell> both = ok.stream()
                        .filter(c -> xLevel.equals(xOf.get(c.id())) && lineLevel.equals(lineOf.get(c.id())))
                        .toList();
                List<Double> values = values(both, metric, metricsByCell);
                if (!values.isEmpty()) {
                    out.add(new InteractionStat(xLevel, lineLevel, Interval.of(values)));
                }
            }
        }
        return out;
    }

    private void pointStats(List<SweepStore.StoredCell> ok, Map<String, Map<String, Double>> metricsByCell) {
        Map<Map<String, String>, List<SweepStore.StoredCell>> byPoint = new LinkedHashMap<>();
        for (SweepStore.StoredCell c : ok) {
            byPoint.computeIfAbsent(c.factors(), k -> new ArrayList<>()).add(c);
        }
        for (var point : byPoint.entrySet()) {
            for (String metric : metrics) {
                List<Double> values = values(point.getValue(), metric, metricsByCell);
                if (!values.isEmpty()) {
                    points.add(new PointStat(point.getKey(), metric, Interval.of(values)));
                }
            }
        }
    }

    private void factorStats(
            String factor, List<SweepStore.StoredCell> ok, Map<String, Map<String, Double>> metricsByCell) {
        List<String> distinct = new ArrayList<>();
        for (SweepStore.StoredCell c : ok) {
            String level = c.factors().get(factor);
            if (level != null && !distinct.contains(level)) {
                distinct.add(level);
            }
        }
        boolean numeric = !distinct.isEmpty() && distinct.stream().allMatch(SweepAnalysis::isNumber);
        boolean binned = numeric && distinct.size() > MAX_LEVELS;
        if (numeric) {
            distinct.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        Map<String, List<SweepStore.StoredCell>> byLevel = new LinkedHashMap<>();
        if (binned) {
            double min = Double.parseDouble(distinct.get(0));
            double max = Double.parseDouble(distinct.get(distinct.size() - 1));
            List<String> labels = new ArrayList<>();
            for (int b = 0; b < BINS; b++) {
                labels.add(binLabel(min + (max - min) * b / BINS, min + (max - min) * (b + 1) / BINS, b == BINS - 1));
                byLevel.put(labels.get(b), new ArrayList<>());
            }
            for (SweepStore.StoredCell c : ok) {
                double v = Double.parseDouble(c.factors().get(factor));
                int b = max == min ? 0 : (int) Math.min(BINS - 1, Math.floor((v - min) / (max - min) * BINS));
                byLevel.get(labels.get(b)).add(c);
            }
            byLevel.values().removeIf(List::isEmpty);
        } else {
            for (String level : distinct) {
                byLevel.put(level, new ArrayList<>());
            }
            for (SweepStore.StoredCell c : ok) {
                String level = c.factors().get(factor);
                if (level != null) {
                    byLevel.get(level).add(c);
                }
            }
        }
        levelOrder.put(factor, List.copyOf(byLevel.keySet()));
        Map<String, String> levelOf = new LinkedHashMap<>();
        byLevel.forEach((level, cells) -> cells.forEach(c -> levelOf.put(c.id(), level)));
        levelOfCell.put(factor, levelOf);
        for (var level : byLevel.entrySet()) {
            for (String metric : metrics) {
                List<Double> values = values(level.getValue(), metric, metricsByCell);
                if (!values.isEmpty()) {
                    levels.add(new LevelStat(factor, level.getKey(), metric, Interval.of(values)));
                }
            }
        }
        if (!binned && byLevel.size() > 1) {
            pairedDifferences(factor, byLevel, metricsByCell);
        }
    }

    private void pairedDifferences(
            String factor,
            Map<String, List<SweepStore.StoredCell>> byLevel,
            Map<String, Map<String, Double>> metricsByCell) {
        List<String> order = List.copyOf(byLevel.keySet());
        String baseline = order.get(0);
        Map<String, SweepStore.StoredCell> base = new LinkedHashMap<>();
        for (SweepStore.StoredCell c : byLevel.get(baseline)) {
            base.putIfAbsent(pairKey(c, factor), c);
        }
        for (String level : order.subList(1, order.size())) {
            // each cell's metrics with its partner's, paired once for all metrics
            List<Map<String, Double>> cellMetrics = new ArrayList<>();
            List<Map<String, Double>> partnerMetrics = new ArrayList<>();
            for (SweepStore.StoredCell c : byLevel.get(level)) {
                SweepStore.StoredCell partner = base.get(pairKey(c, factor));
                if (partner != null) {
                    cellMetrics.add(metricsByCell.getOrDefault(c.id(), Map.of()));
                    partnerMetrics.add(metricsByCell.getOrDefault(partner.id(), Map.of()));
                }
            }
            for (String metric : metrics) {
                List<Double> diffs = new ArrayList<>();
                for (int i = 0; i < cellMetrics.size(); i++) {
                    Double v = cellMetrics.get(i).get(metric);
                    Double w = partnerMetrics.get(i).get(metric);
                    if (v != null && w != null) {
                        diffs.add(Interval.difference(v, w));
                    }
                }
                if (!diffs.isEmpty()) {
                    pairs.add(new PairedDiff(factor, level, baseline, metric, Interval.of(diffs)));
                }
            }
        }
    }

    /** The other factors' levels and the seed: what a paired cell must share. */
    private static String pairKey(SweepStore.StoredCell c, String factor) {
        Map<String, String> others = new LinkedHashMap<>(c.factors());
        others.remove(factor);
        return others + "|" + c.seed();
    }

    private static List<Double> values(
            List<SweepStore.StoredCell> cells, String metric, Map<String, Map<String, Double>> metricsByCell) {
        List<Double> out = new ArrayList<>();
        for (SweepStore.StoredCell c : cells) {
            Double v = metricsByCell.getOrDefault(c.id(), Map.of()).get(metric);
            if (v != null && !v.isNaN()) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String binLabel(double lo, double hi, boolean last) {
        return String.format(Locale.ROOT, "[%.4g, %.4g%s", lo, hi, last ? "]" : ")");
    }
}
