package org.mercato.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /api/sweep}: a sweep folder's design points ("cells" of the page) in design order,
 * each with its factor levels, the mean of each headline metric over its ok replicates ({@code
 * point_stats}, else the plain mean of {@code metrics}) and its replicates: seed, status and the
 * kept run folder ({@code --keep-runs}) relative to the sweep folder, null when not kept.
 */
final class SweepView {
    /** Headline metrics shown when the sweep names none. */
    private static final List<String> DEFAULT_METRICS =
            List.of("market.welfare.efficiency", "market.customersServed", "market.payments.amount");

    private SweepView() {}

    static Map<String, Object> of(ServedFolder served) throws SQLException {
        if (served.kind() != ServedFolder.Kind.SWEEP) {
            throw HttpError.notFound("this folder is a run, not a sweep");
        }
        try (RunDatabase db = RunDatabase.open(served.root().resolve(ServedFolder.SWEEP))) {
            Map<String, String> facts = new LinkedHashMap<>();
            for (Map<String, Object> row : db.rows("SELECT key, value FROM r.sweep", List.of())) {
                facts.put((String) row.get("key"), (String) row.get("value"));
            }
            List<String> metrics = headline(facts.get("headline"));
            Map<String, Map<String, Object>> points = new LinkedHashMap<>();
            for (Map<String, Object> cell :
                    db.rows("SELECT id, idx, replicate, seed, status, factors FROM r.cells ORDER BY idx", List.of())) {
                String factors = (String) cell.get("factors");
                Map<String, Object> point = points.computeIfAbsent(factors, f -> newPoint(points.size(), f));
                Map<String, Object> replicate = new LinkedHashMap<>();
                replicate.put("seed", cell.get("seed"));
                replicate.put("replicate", cell.get("replicate"));
                replicate.put("status", cell.get("status"));
                replicate.put("run", keptRun(served, (String) cell.get("id")));
                runs(point).add(replicate);
            }
            fillMetrics(db, points, metrics);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", facts.getOrDefault("name", served.name()));
            out.put("factors", JsonText.parse(facts.getOrDefault("factors", "[]")));
            out.put("metrics", metrics);
            out.put("cells", new ArrayList<>(points.values()));
            return out;
        }
    }

    private static Map<String, Object> newPoint(int index, String factors) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("cell", index);
        point.put("factors", JsonText.parse(factors));
        point.put("metrics", new LinkedHashMap<String, Object>());
        point.put("runs", new ArrayList<Map<String, Object>>());
        return point;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runs(Map<String, Object> point) {
        return (List<Map<String, Object>>) point.get("runs");
    }

    @SuppressWarnings("unchecked")
    private static void fillMetrics(RunDatabase db, Map<String, Map<String, Object>> points, List<String> metrics)
            throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        String names =
                String.join(", ", metrics.stream().map(RunDatabase::literal).toList());
        String query = db.hasTable("point_stats")
                ? "SELECT point AS factors, metric, mean FROM r.point_stats WHERE metric IN (" + names + ")"
                : "SELECT c.factors, m.metric, avg(m.value) AS mean FROM r.cells c JOIN r.metrics m ON m.cell_id = c.id"
                        + " WHERE c.status = 'ok' AND m.metric IN (" + names + ") GROUP BY ALL";
        for (Map<String, Object> row : db.rows(query, List.of())) {
            Map<String, Object> point = points.get((String) row.get("factors"));
            if (point != null) {
                ((Map<String, Object>) point.get("metrics")).put((String) row.get("metric"), row.get("mean"));
            }
        }
    }

    /** The sweep's headline metric names (texts, or {@code {metric: ...}}), else a default few. */
    private static List<String> headline(String json) {
        List<String> names = new ArrayList<>();
        JsonNode headline = json == null ? null : JsonText.parse(json);
        if (headline != null) {
            for (JsonNode entry : headline) {
                String name = entry.isTextual()
                        ? entry.textValue()
                        : entry.path("metric").asText(null);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names.isEmpty() ? DEFAULT_METRICS : names;
    }

    /** The newest kept run folder of a cell ({@code runs/<cell id>/<scenario>-<label>-<time>/}), relative; null if none. */
    private static String keptRun(ServedFolder served, String cellId) {
        Path cellFolder = served.root().resolve("runs").resolve(cellId);
        if (!Files.isDirectory(cellFolder) || !cellId.matches("[0-9a-f]+")) {
            return null;
        }
        try (Stream<Path> runs = Files.list(cellFolder)) {
            return runs.filter(ServedFolder::isRun)
                    .map(p -> p.getFileName().toString())
                    .max(String::compareTo)
                    .map(name -> "runs/" + cellId + "/" + name)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
