package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.SweepConfig;

/**
 * Runs the query of the README's "Analyse a sweep with SQL" (read from README.md between its
 * markers, so the two cannot drift) on a small sweep of each study it names: the study's own
 * factors, fewer customers and seeds. Every condition gets rows, and its headline metric has a value.
 * Every table and column the README's sweep section names (its table of tables, and each
 * {@code table.column}) exists in those databases.
 */
class ReadmeSweepQueryTest {
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "first-proposal-bias, 1, , market.firstProposal.byPosition.1.rate",
        "manipulation, 1, 12, market.serviceShares.byService.service_0001.paymentShare",
        "position-and-tags, 1, 40, market.position.byRow.1.share"
    })
    void theReadmeQueryGivesEachConditionsHeadlineNumbers(
            String study, int replicates, Integer customers, String headline) throws Exception {
        SweepSpec full = SweepSpec.load(Path.of(study + ".yaml"));
        Map<String, Object> factors = new LinkedHashMap<>(full.config().factors());
        factors.put("kernel.mode", List.of("bare"));
        factors.put("output.baselines", List.of(false));
        if (customers != null) {
            factors.put("market.generate.customers", List.of(customers));
        }
        SweepSpec small = new SweepSpec(
                full.baseFile(),
                full.name(),
                new SweepConfig("grid", factors, replicates, null, null),
                full.designSeed(),
                full.baseSeed(),
                full.headline());
        SweepPlan plan = SweepPlan.of(small, PolicyRegistry.builtIn(), "readme-query-test");
        Path database = dir.resolve("sweep.duckdb");
        SweepRun.Outcome outcome = SweepRun.run(
                plan,
                database,
                false,
                new LocalExecutor(new CellRunner(PolicyRegistry.builtIn(), null, "test"), 2, SweepListener.NONE),
                SweepListener.NONE);
        assertThat(outcome.failed()).isZero();
        Set<String> conditions = new TreeSet<>();
        try (SweepStore store = SweepStore.open(database)) {
            SweepResults.write(store, dir, null);
            store.typedFactors().values().forEach(levels -> conditions.add(levels.toString()));
        }
        assertThat(conditions).hasSize(plan.cells().size() / replicates);

        Map<String, Map<String, Double>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery(readmeQuery())) {
            while (rs.next()) {
                double mean = rs.getDouble("mean");
                rows.computeIfAbsent(rs.getString("condition"), k -> new TreeMap<>())
                        .put(rs.getString("metric"), rs.wasNull() ? null : mean);
            }
        }

        assertThat(rows.keySet()).isEqualTo(conditions);
        Map<String, Set<String>> columns = columns(database);
        readmeColumns()
                .forEach((table, named) -> assertThat(columns)
                        .as("README sweep section: table " + table)
                        .containsKey(table)
                        .extractingByKey(table)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                        .containsAll(named));
        assertThat(rows.values())
                .allSatisfy(metrics -> assertThat(metrics)
                        .containsKey(headline)
                        .allSatisfy(
                                (metric, mean) -> assertThat(mean).as(metric).isNotNull()));
    }

    /** The tables and columns of a sweep database. */
    static Map<String, Set<String>> columns(Path database) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'main'")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /**
     * The columns the README's sweep section names, by table: the rows of its table of tables
     * ({@code | `cells` | ... | `id`, `idx`, ... |}) and every {@code `table.column`} in its text.
     */
    static Map<String, Set<String>> readmeColumns() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Sweeps\n");
        assertThat(start).as("README's sweep section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|.*\\|(.*)\\|$").matcher(section);
        while (row.find()) {
            Set<String> named = out.computeIfAbsent(row.group(1), k -> new TreeSet<>());
            Matcher column = Pattern.compile("`(\\w+)`").matcher(row.group(2));
            while (column.find()) {
                named.add(column.group(1));
            }
        }
        assertThat(out).as("README's table of sweep tables").hasSizeGreaterThanOrEqualTo(7);
        Matcher dotted = Pattern.compile("`(\\w+)\\.(\\w+)`").matcher(section);
        while (dotted.find()) {
            boolean fileName =
                    List.of("duckdb", "csv", "parquet", "html", "json").contains(dotted.group(2));
            if (out.containsKey(dotted.group(1)) && !fileName) {
                out.get(dotted.group(1)).add(dotted.group(2));
            }
        }
        return out;
    }

    /** The SQL between the README's sweep-sql markers, without the code fence. */
    static String readmeQuery() throws Exception {
        String readme = Files.readString(README);
        int begin = readme.indexOf("<!-- sweep-sql:begin");
        int end = readme.indexOf("<!-- sweep-sql:end -->");
        assertThat(begin).as("README sweep-sql markers").isNotNegative().isLessThan(end);
        String block = readme.substring(readme.indexOf('\n', begin) + 1, end).strip();
        assertThat(block).startsWith("```sql").endsWith("```");
        return block.substring("```sql".length(), block.length() - "```".length())
                .strip()
                .replaceAll(";$", "");
    }
}
