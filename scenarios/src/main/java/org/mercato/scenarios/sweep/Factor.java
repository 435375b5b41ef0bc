package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.scenarios.model.SweepConfig;

/** One factor of a sweep: a dotted scenario key and either its levels or a numeric range. */
public sealed interface Factor {
    String key();

    /** Levels given as a list; each is applied as {@code --set key=<level>}. */
    record Levels(String key, List<JsonNode> levels) implements Factor {
        public Levels {
            levels = List.copyOf(levels);
        }
    }

    /** A range for the sampled designs; {@code log} samples log-uniformly, {@code integer} rounds. */
    record Range(String key, double min, double max, boolean log, boolean integer) implements Factor {
        /** The value at {@code u} in [0, 1) of the range. */
        public double at(double u) {
            double v = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            return integer ? Math.min(Math.floor(max), Math.max(Math.ceil(min), Math.round(v))) : v;
        }
    }

    /** The factors of {@code config} in the file's order. */
    static List<Factor> of(SweepConfig config) {
        ObjectMapper json = new ObjectMapper();
        List<Factor> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : config.factors().entrySet()) {
            if (e.getValue() instanceof List<?> levels) {
                List<JsonNode> nodes = new ArrayList<>();
                for (Object level : levels) {
                    nodes.add(json.valueToTree(level));
                }
                out.add(new Levels(e.getKey(), nodes));
            } else {
                Map<?, ?> range = (Map<?, ?>) e.getValue();
                out.add(new Range(
                        e.getKey(),
                        ((Number) range.get("min")).doubleValue(),
                        ((Number) range.get("max")).doubleValue(),
                        Boolean.TRUE.equals(range.get("log")),
                        Boolean.TRUE.equals(range.get("integer"))));
            }
        }
        return out;
    }
}
