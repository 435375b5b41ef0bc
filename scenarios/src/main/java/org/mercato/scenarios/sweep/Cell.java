package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.mercato.scenarios.model.Scenario;

/**
 * One run of a sweep: its place in the plan, its id (see {@link CellIds}), the design point's
 * levels by factor key, the replicate number and seed, the resolved scenario it runs, and its
 * condition's {@code overrides}: the sweep's {@code --set} overrides, then each factor's
 * {@code KEY=LEVEL} (the seed of a replicate is not one; it is the summary's {@code seed}), which
 * the run records in its summary's {@code condition} block and names its folder by.
 */
public record Cell(
        int index,
        String id,
        Map<String, JsonNode> factors,
        int replicate,
        long seed,
        Scenario scenario,
        List<String> overrides) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Cell {
        overrides = List.copyOf(overrides);
    }

    /** The levels as a JSON object, keys in the design's order. */
    public String factorsJson() {
        return JSON.valueToTree(factors).toString();
    }
}
