package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.SummaryMetrics;
import org.mercato.scenarios.cli.MercatoCli;

/**
 * A sweep whose cells finish in reverse order (an executor that runs the plan backwards, with the
 * real cell runner keeping its runs): the database and its CSV and Parquet exports still list cells
 * in the design's order, factor levels are typed alike in every table, the stored numbers are the
 * ones the cells' summary.json files say, each kept run records its condition and is where the
 * docs say, and the docs name every table and column.
 */
class SweepExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static SweepPlan plan;
    static Path folder;
    static Path database;

    @BeforeAll
    static void runBackwards() throws Exception {
        Path file = SweepFixtures.scenarioWithSweep(dir, SweepFixtures.GRID);
        SweepSpec spec = SweepSpec.load(
                file,
                new SweepSpec.CommandLine(
                        List.of("output.baselines=false"), Map.of("market.search.mechanism", List.of("lexical")), 2));
        plan = SweepPlan.of(spec, PolicyRegistry.builtIn(), CodeVersion.current());
        folder = dir.resolve("sweep");
        database = folder.resolve("sweep.duckdb");
        CellRunner runner = new CellRunner(PolicyRegistry.builtIn(), folder.resolve("runs"), "test");
        SweepExecutor backwards = (cells, done) -> {
            for (int i = cells.size() - 1; i >= 0; i--) {
                Cell cell = cells.get(i);
                done.accept(cell, runner.run(cell.id(), cell.scenario(), cell.overrides()));
            }
        };
        SweepRun.Outcome outcome = SweepRun.run(plan, database, false, backwards, SweepListener.NONE);
        assertThat(outcome.failed()).isZero();
        try (SweepStore store = SweepStore.open(database)) {
            SweepResults.write(store, folder, null);
        }
    }

    @Test
    void cellsAndMetricsAreInCellOrderInTheDatabaseAndEveryExport() throws Exception {
        List<String> idsInOrder = plan.cells().stream().map(Cell::id).toList();
        List<String> indexes =
                IntStream.range(0, idsInOrder.size()).mapToObj(String::valueOf).toList();
        Path export = folder.resolve("export");
        assertThat(column("SELECT idx FROM cells")).isEqualTo(indexes);
        assertThat(column("SELECT idx FROM cells_wide")).isEqualTo(indexes);
        assertThat(column("SELECT idx FROM read_csv_auto('" + export.resolve("cells.csv") + "')"))
                .isEqualTo(indexes);
        assertThat(column("SELECT idx FROM '" + export.resolve("cells.parquet") + "'"))
                .isEqualTo(indexes);
        assertThat(column("SELECT idx FROM '" + export.resolve("cells_wide.parquet") + "'"))
                .isEqualTo(indexes);
        for (String source : List.of(
                "metrics",
                "'" + export.resolve("metrics.parquet") + "'",
                "read_csv_auto('" + export.resolve("metrics.csv") + "')")) {
            List<String> rows = column("SELECT cell_id || ' ' || metric FROM " + source);
            List<String> cellsOfRows = rows.stream()
                    .map(r -> r.substring(0, r.indexOf(' ')))
                    .distinct()
                    .toList();
            assertThat(cellsOfRows).as(source).isEqualTo(idsInOrder);
            for (String id : idsInOrder) {
                assertThat(rows.stream().filter(r -> r.startsWith(id + " ")).toList())
                        .as("metrics of cell %s in %s", id, source)
                        .isSorted();
            }
        }
    }

    @Test
    void factorLevelsAreTypedAlikeInEveryTable() throws Exception {
        String inquiries = "agents.assistants[0].params.inquiries";
        String mechanism = "market.search.mechanism";
        Map<String, String> wide = types("cells_wide");
        Map<String, String> points = types("point_stats");
        assertThat(wide).containsEntry(inquiries, "BIGINT").containsEntry(mechanism, "VARCHAR");
        assertThat(points).containsEntry(inquiries, "BIGINT").containsEntry(mechanism, "VARCHAR");
        // the point is the cells' own JSON, so the two join
        assertThat(column("SELECT DISTINCT point FROM point_stats ORDER BY point"))
                .isEqualTo(column("SELECT DISTINCT factors FROM cells ORDER BY factors"))
                .contains("{\"" + inquiries + "\":1,\"" + mechanism + "\":\"lexical\"}");
        assertThat(column("SELECT count(*) FROM point_stats p JOIN cells_wide w ON w.\"" + inquiries + "\" = p.\""
                        + inquiries + "\" AND w.\"" + mechanism + "\" = p.\"" + mechanism
                        + "\" WHERE w.replicate = 0 AND p.metric = 'market.welfare.total'"))
                .containsExactly("2");
        assertThat(column("SELECT DISTINCT \"" + inquiries + "\" FROM '" + folder.resolve("export/point_stats.parquet")
                        + "' ORDER BY 1"))
                .containsExactly("1", "3");
    }

    @Test
    void storedNumbersAreTheSummarysAndMeansHaveNoFloatNoise() throws Exception {
        Map<String, Map<String, String>> exported = new TreeMap<>();
        try (Stream<String> lines = Files.lines(folder.resolve("export/metrics.csv"))) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",");
                exported.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1], f[2]);
            });
        }
        assertThat(exported).hasSize(plan.cells().size());
        for (Cell cell : plan.cells()) {
            Map<String, Double> summary =
                    SummaryMetrics.flatten(JSON.readTree(summaryOf(cell).toFile()));
            summary.remove("wallTimeMillis");
            summary.keySet().removeIf(name -> name.startsWith("condition."));
            Map<String, String> stored = exported.get(cell.id());
            assertThat(stored.keySet()).isEqualTo(summary.keySet());
            summary.forEach((metric, value) -> assertThat(new BigDecimal(stored.get(metric)))
                    .as(metric)
                    .isEqualByComparingTo(new BigDecimal(Double.toString(value))));
        }
        // each mean is the decimal mean of its replicates' values as written, rounded only to a double
        Map<String, List<String>> byPointAndMetric = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT c.factors || ' ' || m.metric, CAST(m.value AS VARCHAR)"
                        + " FROM metrics m JOIN cells c ON c.id = m.cell_id WHERE isfinite(m.value)")) {
            while (rs.next()) {
                byPointAndMetric
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2));
            }
        }
        try (Connection c = connect();
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT point || ' ' || metric, mean FROM point_stats")) {
            int checked = 0;
            while (rs.next()) {
                List<String> values = byPointAndMetric.get(rs.getString(1));
                BigDecimal sum = values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
                double mean = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64)
                        .doubleValue();
                assertThat(rs.getDouble(2)).as(rs.getString(1)).isEqualTo(mean);
                checked++;
            }
            assertThat(checked).isGreaterThan(50);
        }
    }

    @Test
    void keptRunsRecordTheirConditionAndLieWhereTheDocsSay() throws Exception {
        Cell cell = plan.cells().get(0);
        assertThat(cell.overrides())
                .containsExactly(
                        "output.baselines=false",
                        "agents.assistants[0].params.inquiries=1",
                        "market.search.mechanism=lexical");
        Path summary = summaryOf(cell);
        assertThat(summary.getParent().getParent())
                .isEqualTo(folder.resolve("runs").resolve(cell.id()));
        assertThat(summary.getParent().getFileName().toString())
                .matches("tiny-baselines=false_inquiries=1_mechanism=lexical-\\d{8}-\\d{6}");
        JsonNode condition = JSON.readTree(summary.toFile()).get("condition");
        assertThat(condition.get("overrides").toString())
                .isEqualTo("[\"output.baselines=false\",\"agents.assistants[0].params.inquiries=1\","
                        + "\"market.search.mechanism=lexical\"]");
        String documented = "runs/<cell id>/<scenario>-<label>-<time>/";
        assertThat(Files.readString(Path.of("../README.md"))).contains(documented);
        String help = MercatoCli.commandLine()
                .getSubcommands()
                .get("sweep")
                .getUsageMessage()
                .replaceAll("\\s+", " ");
        assertThat(help).contains("<DIR>/" + documented);
    }

    /**
     * Every table, column and {@code sweep} key of the database is documented under the table's own
     * heading ({@code ### `cells`}) in {@code docs/data.md}, and so are the folder's files. Factor
     * columns, named by their keys, are documented as "one per factor".
     */
    @Test
    void everyTableColumnAndFileOfTheSweepIsDocumented() throws Exception {
        List<String> docs = new ArrayList<>();
        String page = Files.readString(Path.of("../docs/data.md"));
        docs.add(page.substring(page.indexOf("## Sweep folder")));
        assertThat(docs).as("docs/data.md").isNotEmpty();
        Map<String, java.util.Set<String>> columns = ReadmeSweepQueryTest.columns(database);
        assertThat(columns).containsKeys("sweep", "cells", "metrics", "cells_wide", "point_stats");
        for (var table : columns.entrySet()) {
            List<String> documented = new ArrayList<>(table.getValue());
            documented.removeAll(plan.spec().config().factors().keySet());
            if (table.getKey().equals("sweep")) {
                documented.addAll(column("SELECT key FROM sweep"));
            }
            assertThat(docs)
                    .as("a section '### `%s`' naming %s", table.getKey(), documented)
                    .anySatisfy(doc -> assertThat(section(doc, table.getKey()))
                            .contains(
                                    documented.stream().map(c -> "`" + c + "`").toList()));
        }
        assertThat(String.join("\n", docs))
                .contains("one per factor", "`export/<table>.csv`", "`export/<table>.parquet`", "`sweep-report.html`")
                .contains("`runs/<cell id>/<scenario>-<label>-<time>/`");
        try (Stream<Path> exported = Files.list(folder.resolve("export"))) {
            assertThat(exported.map(p -> p.getFileName().toString().replaceAll("\\.(csv|parquet)$", "")))
                    .allSatisfy(table -> assertThat(columns).containsKey(table));
        }
    }

    /** The text under {@code ### `table`} up to the next heading; empty when there is none. */
    private static String section(String doc, String table) {
        int start = doc.indexOf("### `" + table + "`\n");
        if (start < 0) {
            return "";
        }
        int end = doc.indexOf("\n#", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    private static Path summaryOf(Cell cell) throws IOException {
        try (Stream<Path> runs = Files.list(folder.resolve("runs").resolve(cell.id()))) {
            List<Path> found = runs.toList();
            assertThat(found).hasSize(1);
            return found.get(0).resolve("summary.json");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
    }

    private static List<String> column(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Map<String, String> types(String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
