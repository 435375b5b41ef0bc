package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;

/**
 * Every table, column and {@code sweep} key of a real small sweep's {@code sweep.duckdb} is documented:
 * under the table's own heading ({@code ### `cells`}) in {@code docs/data-sweep-section.md} or in
 * {@code docs/data.md} (whichever exist; the section is pasted into the page), and so are the files
 * of the sweep folder. Factor columns, named by their keys, are documented as "one per factor".
 */
class SweepDataDocsTest {
    private static final List<Path> DOCS =
            List.of(Path.of("../docs/data-sweep-section.md"), Path.of("../docs/data.md"));

    @TempDir
    Path dir;

    @Test
    void everyTableColumnAndFileOfASweepIsDocumented() throws Exception {
        Path file = SweepFixtures.scenarioWithSweep(
                dir,
                String.join(
                        "\n",
                        "design: grid",
                        "factors:",
                        "  market.search.mechanism: [simple, lexical]",
                        "replicates: 1"));
        SweepSpec spec =
                SweepSpec.load(file, new SweepSpec.CommandLine(List.of("output.baselines=false"), Map.of(), null));
        SweepPlan plan = SweepPlan.of(spec, PolicyRegistry.builtIn(), "docs-test");
        Path folder = dir.resolve("sweep");
        Path database = folder.resolve("sweep.duckdb");
        SweepRun.run(
                plan,
                database,
                false,
                new LocalExecutor(
                        new CellRunner(PolicyRegistry.builtIn(), folder.resolve("runs"), "test"),
                        2,
                        SweepListener.NONE),
                SweepListener.NONE);
        try (SweepStore store = SweepStore.open(database)) {
            SweepResults.write(store, folder, null);
        }

        List<String> docs = new ArrayList<>();
        for (Path doc : DOCS) {
            if (Files.exists(doc)) {
                docs.add(Files.readString(doc));
            }
        }
        assertThat(docs).as("docs/data-sweep-section.md or docs/data.md").isNotEmpty();
        Set<String> factors = spec.config().factors().keySet();
        Map<String, Set<String>> columns = ReadmeSweepQueryTest.columns(database);
        assertThat(columns).containsKeys("sweep", "cells", "metrics", "cells_wide", "point_stats");
        for (var table : columns.entrySet()) {
            List<String> documented = new ArrayList<>(table.getValue());
            documented.removeAll(factors);
            if (table.getKey().equals("sweep")) {
                documented.addAll(keys(database));
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
        try (Stream<Path> kept =
                Files.list(folder.resolve("runs").resolve(plan.cells().get(0).id()))) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(name -> assertThat(name).matches("tiny-baselines=false_mechanism=simple-\\d{8}-\\d{6}"));
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

    private static List<String> keys(Path database) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT key FROM sweep")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
