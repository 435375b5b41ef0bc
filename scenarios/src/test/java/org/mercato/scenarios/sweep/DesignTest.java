package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.model.SweepConfig;

class DesignTest {
    private static SweepConfig config(String design, Map<String, Object> factors, Integer samples) {
        return new SweepConfig(design, factors, 1, samples, null);
    }

    private static Map<String, Object> factors(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void gridIsEveryCombinationWithTheFirstFactorSlowest() {
        List<Map<String, JsonNode>> points = Design.points(
                config("grid", factors("a", List.of(1, 2, 3), "b", List.of("x", "y"), "c", List.of(true, false)), null),
                1);
        assertThat(points).hasSize(12);
        assertThat(points.get(0).get("a").asInt()).isEqualTo(1);
        assertThat(points.get(1).get("c").asBoolean()).isFalse();
        assertThat(points.get(2).get("b").asText()).isEqualTo("y");
        assertThat(points.get(11).get("a").asInt()).isEqualTo(3);
        assertThat(points.stream().distinct()).hasSize(12);
    }

    @Test
    void zipTakesTheIthLevelOfEveryFactor() {
        List<Map<String, JsonNode>> points =
                Design.points(config("zip", factors("a", List.of(1, 2, 3), "b", List.of("x", "y", "z")), null), 1);
        assertThat(points).hasSize(3);
        assertThat(points.get(2).get("a").asInt()).isEqualTo(3);
        assertThat(points.get(2).get("b").asText()).isEqualTo("z");
    }

    @Test
    void randomIsReproducibleWithItsSeedAndStaysInRange() {
        SweepConfig c = config(
                "random",
                factors("x", Map.of("min", 2, "max", 5), "n", Map.of("min", 1, "max", 100, "integer", true)),
                40);
        List<Map<String, JsonNode>> first = Design.points(c, 11);
        assertThat(Design.points(c, 11)).isEqualTo(first);
        assertThat(Design.points(c, 12)).isNotEqualTo(first);
        assertThat(first).hasSize(40).allSatisfy(p -> {
            assertThat(p.get("x").asDouble()).isBetween(2.0, 5.0);
            assertThat(p.get("n").isIntegralNumber()).isTrue();
            assertThat(p.get("n").asLong()).isBetween(1L, 100L);
        });
    }

    @Test
    void logRangesSampleEveryDecadeAlike() {
        SweepConfig c = config("latin-hypercube", factors("x", Map.of("min", 1, "max", 1000, "log", true)), 300);
        long belowTen = Design.points(c, 3).stream()
                .filter(p -> p.get("x").asDouble() < 10)
                .count();
        assertThat(belowTen).isEqualTo(100);
    }

    @Property(tries = 60)
    void latinHypercubePutsOnePointInEveryStratumOfEveryFactor(
            @ForAll @IntRange(min = 1, max = 40) int samples,
            @ForAll @IntRange(min = 1, max = 4) int factorCount,
            @ForAll long seed) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < factorCount; i++) {
            f.put("f" + i, Map.of("min", 0, "max", 1));
        }
        List<Map<String, JsonNode>> points = Design.points(config("latin-hypercube", f, samples), seed);
        assertThat(points).hasSize(samples);
        for (String key : f.keySet()) {
            List<Integer> strata = new ArrayList<>();
            for (Map<String, JsonNode> p : points) {
                strata.add((int) Math.floor(p.get(key).asDouble() * samples));
            }
            assertThat(strata)
                    .doesNotHaveDuplicates()
                    .allSatisfy(s -> assertThat(s).isBetween(0, samples - 1));
        }
    }

    @Test
    void latinHypercubeOverLevelsUsesEachLevelEquallyOften() {
        List<Map<String, JsonNode>> points =
                Design.points(config("latin-hypercube", factors("m", List.of("a", "b", "c")), 9), 5);
        assertThat(points.stream().filter(p -> p.get("m").asText().equals("b"))).hasSize(3);
    }

    @Test
    void badSweepsAreRefusedWithTheKey() {
        assertThatThrownBy(() -> config("zip", factors("a", List.of(1, 2), "b", List.of(1)), null))
                .hasMessageContaining("same number of levels")
                .hasMessageContaining("sweep.factors.b");
        assertThatThrownBy(() -> config("grid", factors("a", Map.of("min", 1, "max", 2)), null))
                .hasMessageContaining("sweep.factors.a")
                .hasMessageContaining("list of levels");
        assertThatThrownBy(() -> config("random", factors("a", Map.of("min", 1, "max", 2)), null))
                .hasMessageContaining("sweep.samples is required");
        assertThatThrownBy(() -> config("random", factors("a", Map.of("min", 3, "max", 2)), 4))
                .hasMessageContaining("min 3 is above max 2");
        assertThatThrownBy(() -> config("random", factors("a", Map.of("min", 1, "max", 2, "step", 1)), 4))
                .hasMessageContaining("unknown range key 'step'");
        assertThatThrownBy(() -> config("grid", factors("a", List.of()), null))
                .hasMessageContaining("at least one level");
    }
}
