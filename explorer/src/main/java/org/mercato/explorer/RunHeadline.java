package org.mercato.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's headline numbers, by metric name ({@code {title, value}}): the metrics its {@code scenario.resolved.yaml} names under {@code
 * output.headline} (a name, or {@code {metric, title}}), each with its value from the run's {@code
 * metrics} table (null when the run does not have it).
 */
final class RunHeadline {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RunHeadline() {}

    static Map<String, Map<String, Object>> read(Path folder, RunDatabase db) throws SQLException {
        Path resolved = folder.resolve("scenario.resolved.yaml");
        if (!Files.isRegularFile(resolved)) {
            return Map.of();
        }
        JsonNode headline;
        try {
            headline = YAML.readTree(resolved.toFile()).path("output").path("headline");
        } catch (IOException e) {
            return Map.of(); // the headline is a convenience: a run whose YAML will not parse still opens
        }
        boolean metrics = db.hasTable("metrics");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (JsonNode entry : headline) {
            String metric =
                    entry.isTextual() ? entry.textValue() : entry.path("metric").asText(null);
            if (metric == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(
                    "title",
                    entry.path("title").isTextual() ? entry.get("title").textValue() : null);
            List<Map<String, Object>> value =
                    metrics ? db.rows("SELECT value FROM r.metrics WHERE metric = ?", List.of(metric)) : List.of();
            item.put("value", value.isEmpty() ? null : value.get(0).get("value"));
            out.put(metric, item);
        }
        return out;
    }
}
