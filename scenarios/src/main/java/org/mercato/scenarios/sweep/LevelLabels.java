package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Factor levels as a report shows them: a JSON object level ({@code {"policy":"min-wait",
 * "minWait":"700ms"}}) reads {@code policy=min-wait, minWait=700ms}; anything else as it is.
 */
final class LevelLabels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LevelLabels() {}

    static String readable(String level) {
        String text = level.strip();
        if (!text.startsWith("{")) {
            return level;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject() || node.isEmpty()) {
                return level;
            }
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(f -> parts.add(f.getKey() + "=" + SweepStore.levelText(f.getValue())));
            return String.join(", ", parts);
        } catch (JsonProcessingException e) {
            return level;
        }
    }
}
