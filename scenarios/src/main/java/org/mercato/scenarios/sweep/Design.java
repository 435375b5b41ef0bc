package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mercato.scenarios.model.SweepConfig;
import org.mercato.sim.random.Seeds;

/**
 * The design points of a sweep, each a map from factor key to level, in a fixed order. {@code grid}:
 * every combination, the first factor varying slowest. {@code zip}: the i-th level of every factor
 * together. {@code random}: {@code samples} points, each factor drawn independently (uniform on a
 * range, or one of its levels). {@code latin-hypercube}: {@code samples} points such that, for every
 * factor, each of the {@code samples} equal strata of [0, 1) holds exactly one point; the unit
 * value then maps into the range or onto the levels. Draws come from {@code Seeds.derive(seed,
 * "sweep/<design>")}, so the same spec and seed give the same points.
 */
public final class Design {
    private Design() {}

    public static List<Map<String, JsonNode>> points(SweepConfig config, long seed) {
        List<Factor> factors = Factor.of(config);
        return switch (config.design()) {
            case "grid" -> grid(factors);
            case "zip" -> zip(factors);
            case "random" -> random(factors, config.samples(), Seeds.derive(seed, "sweep/random"));
            case "latin-hypercube" -> latinHypercube(factors, config.samples(), Seeds.derive(seed, "sweep/lhs"));
            default -> throw new IllegalArgumentException("unknown design " + config.design());
        };
    }

    private static List<Map<String, JsonNode>> grid(List<Factor> factors) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Factor factor : factors) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> point : points) {
                for (JsonNode level : ((Factor.Levels) factor).levels()) {
                    Map<String, JsonNode> p = new LinkedHashMap<>(point);
                    p.put(factor.key(), level);
                    next.add(p);
                }
            }
            points = next;
        }
        return unmodifiable(points);
    }

    private static List<Map<String, JsonNode>> zip(List<Factor> factors) {
        int n = ((Factor.Levels) factors.get(0)).levels().size();
        List<Map<String, JsonNode>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, JsonNode> p = new LinkedHashMap<>();
            for (Factor factor : factors) {
                p.put(factor.key(), ((Factor.Levels) factor).levels().get(i));
            }
            points.add(p);
        }
        return unmodifiable(points);
    }

    private static List<Map<String, JsonNode>> random(List<Factor> factors, int samples, SplittableRandom rng) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Map<String, JsonNode> p = new LinkedHashMap<>();
            for (Factor factor : factors) {
                p.put(factor.key(), value(factor, rng.nextDouble()));
            }
            points.add(p);
        }
        return unmodifiable(points);
    }

    private static List<Map<String, JsonNode>> latinHypercube(List<Factor> factors, int samples, SplittableRandom rng) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            points.add(new LinkedHashMap<>());
        }
        for (Factor factor : factors) {
            List<Integer> strata = new ArrayList<>();
            for (int j = 0; j < samples; j++) {
                strata.add(j);
            }
            shuffle(strata, rng);
            for (int i = 0; i < samples; i++) {
                double u = (strata.get(i) + rng.nextDouble()) / samples;
                points.get(i).put(factor.key(), value(factor, u));
            }
        }
        return unmodifiable(points);
    }

    /** The level at unit value {@code u}: a point of the range, or the level whose equal share holds u. */
    static JsonNode value(Factor factor, double u) {
        if (factor instanceof Factor.Range range) {
            double v = range.at(u);
            return range.integer() ? LongNode.valueOf((long) v) : DoubleNode.valueOf(v);
        }
        List<JsonNode> levels = ((Factor.Levels) factor).levels();
        return levels.get(Math.min(levels.size() - 1, (int) Math.floor(u * levels.size())));
    }

    /** Fisher–Yates with the given stream (Collections.shuffle wants a java.util.Random). */
    private static void shuffle(List<Integer> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    private static List<Map<String, JsonNode>> unmodifiable(List<Map<String, JsonNode>> points) {
        return points.stream().map(Collections::unmodifiableMap).toList();
    }
}
