package org.mercato.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/run}: what a run is (scenario, seed, condition, sizes, layout) and the values its filters can take. */
final class RunOverview {
    private RunOverview() {}

    static Map<String, Object> of(ServedFolder served, RunData run) throws SQLException {
        JsonNode summary = run.summary();
        RunDatabase db = run.database();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", run.folder().getFileName().toString());
        out.put("scenario", text(summary.path("scenario")));
        out.put("seed", summary.path("seed").isNumber() ? summary.path("seed").longValue() : null);
        out.put("condition", condition(summary.path("condition")));
        out.put("customers", db.count("SELECT count(*) FROM " + CustomerTable.NAME, List.of()));
        out.put("services", db.count("SELECT count(*) FROM r.services", List.of()));
        out.put("events", db.count("SELECT count(*) FROM r.events", List.of()));
        long columns = db.count("SELECT coalesce(max(\"column\"), 0) FROM r.impressions", List.of());
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("grid", columns > 1);
        layout.put("columns", columns);
        out.put("layout", layout);
        out.put("hasTranscripts", Files.isRegularFile(run.folder().resolve("transcripts.jsonl")));
        Path report = run.folder().resolve("report.html");
        out.put("report", Files.isRegularFile(report) ? RunFiles.PREFIX + served.relative(report) : null);
        out.put("facets", run.facets());
        out.put("headline", run.headline());
        return out;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** The run's {@code --set} overrides as a map, and its label (the overrides as the folder name spells them). */
    private static Map<String, Object> condition(JsonNode condition) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        for (JsonNode set : condition.path("overrides")) {
            String text = set.asText();
            sets.add(text);
            int eq = text.indexOf('=');
            overrides.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "label",
                condition.hasNonNull("label")
                        ? condition.get("label").asText()
                        : sets.isEmpty() ? null : String.join(",", sets));
        out.put("overrides", overrides);
        return out;
    }
}
