package org.mercato.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the explorer knows of one run folder: its tables, its {@code summary.json}. */
final class RunData implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunData.class);

    private final Path folder;
    private final RunDatabase database;
    private final JsonNode summary;
    private final Map<String, Object> facets;
    private final Map<String, Map<String, Object>> headline;
    private final TranscriptIndex transcripts;

    private RunData(
            Path folder,
            RunDatabase database,
            JsonNode summary,
            Map<String, Object> facets,
            Map<String, Map<String, Object>> headline,
            TranscriptIndex transcripts) {
        this.folder = folder;
        this.database = database;
        this.summary = summary;
        this.facets = facets;
        this.headline = headline;
        this.transcripts = transcripts;
    }

    /**
     * Opens the run in {@code folder} (its {@code results.duckdb}, else its {@code events.jsonl}) and
     * builds the explorer's tables.
     */
    static RunData open(Path folder) {
        long start = System.nanoTime();
        Path results = folder.resolve(ServedFolder.RESULTS);
        RunDatabase database = Files.isRegularFile(results)
                ? RunDatabase.open(results)
                : RunDatabase.fromEventLog(folder.resolve(ServedFolder.EVENTS));
        RunData run;
        try {
            database.execute(CustomerTable.CREATE);
            database.execute(CustomerTable.CREATE_BODY_EVENTS);
            database.execute(ServiceTable.CREATE);
            TranscriptIndex transcripts = TranscriptIndex.of(folder);
            database.setTurns(transcripts.countsByAgent());
            run = new RunData(
                    folder,
                    database,
                    readSummary(folder.resolve("summary.json")),
                    facets(database),
                    RunHeadline.read(folder, database),
                    transcripts);
        } catch (SQLException | RuntimeException e) {
            database.close();
            if (e instanceof ExplorerException explorer) {
                throw explorer;
            }
            throw new ExplorerException(
                    folder + ": cannot read the run's tables (" + RunDatabase.firstLine(e) + ")", e);
        }
        LOG.info("explorer: opened {} in {} ms", folder, (System.nanoTime() - start) / 1_000_000);
        return run;
    }

    private static JsonNode readSummary(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ExplorerException(file + ": not readable JSON (" + RunDatabase.firstLine(e) + ")", e);
        }
    }

    /** The values the list's filters can take: groups (with policy and size), tactics, done reasons, badges. */
    private static Map<String, Object> facets(RunDatabase db) throws SQLException {
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put(
                "groups",
                db.rows(
                        "SELECT \"group\", policy, count(*) AS count FROM " + CustomerTable.NAME
                                + " GROUP BY ALL ORDER BY \"group\" NULLS LAST, policy",
                        List.of()));
        facets.put("tactics", column(db, "SELECT DISTINCT tactic FROM r.services WHERE tactic IS NOT NULL ORDER BY 1"));
        facets.put(
                "doneReasons",
                column(
                        db,
                        "SELECT DISTINCT done_reason FROM " + CustomerTable.NAME
                                + " WHERE done_reason IS NOT NULL ORDER BY 1"));
        facets.put(
                "tags",
                column(
                        db,
                        "SELECT DISTINCT unnest(from_json(tags, '[\"VARCHAR\"]')) AS tag FROM"
                                + " (SELECT DISTINCT tags FROM r.impressions) ORDER BY 1"));
        return facets;
    }

    private static List<Object> column(RunDatabase db, String query) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : db.rows(query, List.of())) {
            values.add(row.values().iterator().next());
        }
        return values;
    }

    Map<String, Object> facets() {
        return facets;
    }

    Map<String, Map<String, Object>> headline() {
        return headline;
    }

    TranscriptIndex transcripts() {
        return transcripts;
    }

    Path folder() {
        return folder;
    }

    RunDatabase database() {
        return database;
    }

    /** The run's summary.json, or a missing node when it has none. */
    JsonNode summary() {
        return summary;
    }

    @Override
    public void close() {
        database.close();
    }
}
