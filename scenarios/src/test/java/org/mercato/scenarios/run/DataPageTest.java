package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.output.DuckDbResults;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * docs/data.md documents every table and column of a real run's results.duckdb (and of the tables a
 * market with dynamics or sellers that learn prices add), with its type, and
 * every file and folder the run wrote: a new table or column fails here until the page says what
 * it holds.
 */
class DataPageTest {
    private static final Path PAGE = Path.of("../docs/data.md");
    private static final Pattern SECTION = Pattern.compile("(?m)^### `([a-z_]+)`$");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([A-Z(),0-9 ]+|JSON text) \\|");

    @Test
    void everyTableAndColumnOfARunIsOnTheDataPage(@TempDir Path runs) throws Exception {
        var scenario = ScenarioLoader.load(
                Path.of("quickstart.yaml"), List.of("market.generate.customers=30", "output.parquet=true"));
        RunResult run = Mercato.writingTo(runs).run(scenario);
        String page = Files.readString(PAGE);
        Map<String, Map<String, String>> documented = sections(runFolderPart(page));

        Map<String, Map<String, String>> actual = new LinkedHashMap<>();
        columns(run.folder().resolve("results.duckdb"), actual);
        // the tables only a market with dynamics has, from a log with one event of each kind
        columns(dynamicsTables(runs.resolve("dynamics")), actual);
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(actual.keySet());
        for (var table : actual.entrySet()) {
            Map<String, String> columns = documented.get(table.getKey());
            assertThat(columns.keySet())
                    .as(table.getKey())
                    .containsExactlyElementsOf(table.getValue().keySet());
            for (var column : table.getValue().entrySet()) {
                String type = columns.get(column.getKey());
                assertThat(type.equals("JSON text") ? "VARCHAR" : type)
                        .as(table.getKey() + "." + column.getKey())
                        .isEqualTo(column.getValue());
            }
        }
        try (var files = Files.list(run.folder())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertThat(page).as(name).contains("| `" + name + (Files.isDirectory(file) ? "/" : ""));
            }
        }
    }

    @Test
    void theDocumentedQueryOverTheWholeLogReadsEveryLineAndEveryField(@TempDir Path runs) throws Exception {
        var scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("market.generate.customers=30"));
        RunResult run = Mercato.writingTo(runs).run(scenario);
        Matcher query = Pattern.compile("`(SELECT \\* FROM read_json\\('events\\.jsonl'[^`]*)`")
                .matcher(Files.readString(PAGE));
        assertThat(query.find()).as("the whole-log query on the data page").isTrue();
        String sqlText = query.group(1)
                .replace("'events.jsonl'", "'" + run.folder().resolve("events.jsonl") + "'")
                .replace("SELECT *", "SELECT count(*), count(reason)");
        long lines;
        try (var log = Files.lines(run.folder().resolve("events.jsonl"))) {
            lines = log.count();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery(sqlText)) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(lines);
            assertThat(r.getLong(2))
                    .as("done reasons, the last events of the log")
                    .isEqualTo(30);
        }
    }

    /** Adds the columns and types of every table in {@code database} not in {@code out} yet. */
    private static void columns(Path database, Map<String, Map<String, String>> out) throws Exception {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery("SELECT table_name, column_name, data_type FROM"
                        + " information_schema.columns ORDER BY table_name, ordinal_position")) {
            while (r.next()) {
                found.computeIfAbsent(r.getString(1), t -> new LinkedHashMap<>())
                        .put(r.getString(2), r.getString(3));
            }
        }
        found.forEach(out::putIfAbsent);
    }

    /** results.duckdb of a log with one event of each kind a market with dynamics adds. */
    private static Path dynamicsTables(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path log = folder.resolve("events.jsonl");
        // the log names the customer, service and proposal before the events that refer to them
        List<Event> events = List.of(
                new ServiceEvent(Service.of("s1", Map.of("tacos", 900L), Set.of(), 4.0, 10)),
                new CustomerEvent(new Customer(
                        "c1",
                        "c1",
                        "tacos",
                        new TreeMap<>(Map.of("tacos", 1)),
                        new TreeMap<>(Map.of("tacos", 1_000L)),
                        new TreeSet<>(),
                        1_000)),
                new PeriodEvent(0, 0, 86_400_000_000L),
                new ArrivalEvent("c1", 0),
                new ProposalEvent(new Proposal("p1", "s1", "c1", List.of(), 900, 0, 1_000_000)),
                new DeliveryEvent("p1", "c1", "s1", 0.4),
                new ReviewEvent("s1", "c1", "p1", 2, false, false),
                new ReputationEvent("s1", 3.9, 11),
                new RestockEvent("s1", 5),
                new QualityEvent("s1", 0.4),
                new PricingBlockEvent(0, 0, 100, List.of(1.7, 1.8), List.of(0.3, 0.31), 0.5),
                new PricingEpisodeEvent(0, 100, true, List.of(1.7, 1.8), List.of(0.3, 0.31), 0.8),
                new PricingPeriodEvent(0, List.of("s1"), List.of(900L), List.of(3L), List.of(600L)));
        try (JsonlEventWriter writer = new JsonlEventWriter(Files.newOutputStream(log))) {
            for (int i = 0; i < events.size(); i++) {
                writer.accept(new LoggedEvent(i, i, events.get(i)));
            }
        }
        return DuckDbResults.write(folder, log, "{}", false, false);
    }

    /** From "## Run folder" to the next "## " heading (the sweep folder's tables share names). */
    private static String runFolderPart(String page) {
        int start = page.indexOf("## Run folder");
        int end = page.indexOf("\n## ", start);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    /** Each {@code ### `table`} section's {@code | `column` | TYPE |} rows, in page order. */
    private static Map<String, Map<String, String>> sections(String page) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher section = SECTION.matcher(page);
        List<int[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (section.find()) {
            names.add(section.group(1));
            bounds.add(new int[] {section.end(), 0});
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? page.lastIndexOf("### ", bounds.get(i + 1)[0]) : page.length();
            Map<String, String> columns = new LinkedHashMap<>();
            Matcher row = ROW.matcher(page.substring(bounds.get(i)[0], end));
            while (row.find()) {
                columns.put(row.group(1), row.group(2).strip());
            }
            out.put(names.get(i), columns);
        }
        return out;
    }
}
