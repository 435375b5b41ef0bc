package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;

/**
 * The cells of a sweep: every design point times every replicate, the point's levels applied to the
 * base scenario (after the sweep's own {@code --set} overrides) with the {@code --set} machinery (so a bad key or level is reported like a bad
 * {@code --set}) and each cell validated against the policies. Replicate r runs with seed
 * {@code base + r}, where base is the scenario's seed (or the point's level when {@code seed} is
 * itself a factor): every point shares the replicate's seed, which is what makes paired
 * comparisons between levels possible (common random numbers).
 */
public record SweepPlan(SweepSpec spec, String codeVersion, List<Cell> cells) {
    public SweepPlan {
        cells = List.copyOf(cells);
    }

    public static SweepPlan of(SweepSpec spec, PolicyRegistry registry, String codeVersion) {
        List<Map<String, JsonNode>> points = Design.points(spec.config(), spec.designSeed());
        List<Cell> cells = new ArrayList<>();
        for (Map<String, JsonNode> point : points) {
            List<String> condition = new ArrayList<>(spec.overrides());
            for (Map.Entry<String, JsonNode> level : point.entrySet()) {
                condition.add(level.getKey() + "=" + SweepStore.levelText(level.getValue()));
            }
            for (int r = 0; r < spec.config().replicates(); r++) {
                List<String> overrides = new ArrayList<>(spec.overrides());
                for (Map.Entry<String, JsonNode> level : point.entrySet()) {
                    overrides.add(level.getKey() + "=" + level.getValue().toString());
                }
                JsonNode seedLevel = point.get("seed");
                long seed =
                        (seedLevel != null && seedLevel.canConvertToLong() ? seedLevel.asLong() : spec.baseSeed()) + r;
                overrides.add("seed=" + seed);
                Scenario scenario = ScenarioValidator.load(spec.baseFile(), overrides, registry);
                Scenario resolved = withoutSweep(scenario);
                cells.add(
                        new Cell(cells.size(), CellIds.of(resolved, codeVersion), point, r, seed, resolved, condition));
            }
        }
        checkDistinct(spec, cells);
        return new SweepPlan(spec, codeVersion, cells);
    }

    /**
     * Two points that resolve to the same scenario are one cell: refused rather than counted twice
     * and stored once (levels such as {@code 1} and {@code 1.0}, or a sampled design drawing the
     * same point again).
     */
    private static void checkDistinct(SweepSpec spec, List<Cell> cells) {
        Map<String, Cell> byId = new HashMap<>();
        for (Cell cell : cells) {
            Cell earlier = byId.putIfAbsent(cell.id(), cell);
            if (earlier != null) {
                throw new ScenarioException(
                        "sweep " + spec.name(),
                        "points " + Excerpt.of(earlier.factorsJson()) + " and "
                                + Excerpt.of(cell.factorsJson())
                                + " give the same scenario, so they would be one cell; give distinct levels"
                                + (spec.config().sampled() ? " (or fewer samples, or a wider range)" : ""));
            }
        }
    }

    /** The cells with {@code index % count == shard}: static shards for batch schedulers. */
    public SweepPlan shard(int shard, int count) {
        if (count < 1 || shard < 0 || shard >= count) {
            throw new IllegalArgumentException("a shard is i/N with 0 <= i < N, was " + shard + "/" + count);
        }
        return new SweepPlan(
                spec,
                codeVersion,
                cells.stream().filter(c -> c.index() % count == shard).toList());
    }

    static Scenario withoutSweep(Scenario s) {
        return s.withoutSweep(s.output());
    }
}
