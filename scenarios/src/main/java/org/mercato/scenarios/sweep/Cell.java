package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.mercato.scenarios.model.Scenario;

/**
 * One run of a sweep: its place in the plan, its id (see {@link CellIds}), the design point's
 * levels by factor key, the replicate number and seed, and the resolved scenario it runs.
 */
public record Cell(int index, String id, Map<String, JsonNode> factors, int replicate, long seed, Scenario scenario) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The levels as a JSON object, keys in the design's order. */
    public String factorsJson() {
        return JSON.valueToTree(factors).toString();
    }
}
