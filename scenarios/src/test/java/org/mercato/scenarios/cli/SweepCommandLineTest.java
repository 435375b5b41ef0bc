package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CommandLineFactors;
import org.mercato.scenarios.sweep.SweepPlan;
import org.mercato.scenarios.sweep.SweepSpec;
import org.mercato.scenarios.sweep.SweepStore;

/** {@code mercato sweep --set / --factor / --replicates}, and the typed {@code cells_wide} table. */
class SweepCommandLineTest {
    /** TINY without its sweep: section. */
    static final String PLAIN = SweepCommandTest.TINY.substring(0, SweepCommandTest.TINY.indexOf("sweep:"));

    /** PLAIN with cost-plus services, whose markup is a number with a fraction. */
    static final String COST_PLUS =
            PLAIN.replace("    - policy: posted-price\n", "    - policy: cost-plus\n      params: {markup: 0.3}\n");

    @TempDir
    Path dir;

    private static SweepPlan plan(Path file, List<String> sets, List<String> factors, Integer replicates) {
        return SweepPlan.of(
                SweepSpec.load(file, new SweepSpec.CommandLine(sets, CommandLineFactors.parse(factors), replicates)),
                PolicyRegistry.builtIn(),
                "test");
    }

    @Test
    void setChangesEveryCellsScenarioAndFactorsMakeTheGrid() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.yaml"), PLAIN);

        SweepPlan plan = plan(
                file,
                List.of("market.generate.customers=4"),
                List.of("agents.assistants[0].params.inquiries=1,3", "kernel.networkDelay=5ms,20ms,1s"),
                2);

        assertThat(plan.cells()).hasSize(2 * 3 * 2);
        assertThat(plan.cells())
                .allSatisfy(c ->
                        assertThat(c.scenario().market().generate().customers()).isEqualTo(4));
        assertThat(plan.cells().stream().map(Cell::factorsJson).distinct())
                .containsExactly(
                        "{\"agents.assistants[0].params.inquiries\":1,\"kernel.networkDelay\":\"5ms\"}",
                        "{\"agents.assistants[0].params.inquiries\":1,\"kernel.networkDelay\":\"20ms\"}",
                        "{\"agents.assistants[0].params.inquiries\":1,\"kernel.networkDelay\":\"1s\"}",
                        "{\"agents.assistants[0].params.inquiries\":3,\"kernel.networkDelay\":\"5ms\"}",
                        "{\"agents.assistants[0].params.inquiries\":3,\"kernel.networkDelay\":\"20ms\"}",
                        "{\"agents.assistants[0].params.inquiries\":3,\"kernel.networkDelay\":\"1s\"}");
        assertThat(plan.cells().stream().map(Cell::seed).distinct()).containsExactly(3L, 4L);
    }

    @Test
    void aFactorFromTheCommandLineReplacesTheFilesAndKeepsTheCellIds() throws Exception {
        Path withSweep = Files.writeString(dir.resolve("tiny.yaml"), SweepCommandTest.TINY);
        Path plain = Files.writeString(dir.resolve("plain.yaml"), PLAIN);

        SweepPlan fromFile = plan(withSweep, List.of(), List.of(), null);
        SweepPlan fromCommandLine = plan(plain, List.of(), List.of("agents.assistants[0].params.inquiries=1,2"), 2);
        SweepPlan replaced = plan(withSweep, List.of(), List.of("agents.assistants[0].params.inquiries=2,3"), null);

        assertThat(fromCommandLine.cells().stream().map(Cell::id))
                .containsExactlyElementsOf(
                        fromFile.cells().stream().map(Cell::id).toList());
        assertThat(replaced.cells()).hasSize(4);
        assertThat(replaced.cells().stream().map(Cell::factorsJson).distinct())
                .containsExactly(
                        "{\"agents.assistants[0].params.inquiries\":2}",
                        "{\"agents.assistants[0].params.inquiries\":3}");
        // level 2 of the file and of the command line is the same scenario: the same cells
        assertThat(replaced.cells().subList(0, 2).stream().map(Cell::id))
                .containsExactlyElementsOf(
                        fromFile.cells().subList(2, 4).stream().map(Cell::id).toList());
    }

    @Test
    void levelsSplitAtTopLevelCommasAndReadLikeSetValues() {
        assertThat(CommandLineFactors.parse(List.of(
                        "a=1,2.5,true,20ms", "market.reveal={policy: immediate},{policy: batched, window: 10s}")))
                .isEqualTo(Map.of(
                        "a",
                        List.of(1, 2.5, true, "20ms"),
                        "market.reveal",
                        List.of(Map.of("policy", "immediate"), Map.of("policy", "batched", "window", "10s"))));
    }

    @Test
    void badFactorSetAndReplicatesAreOneLineErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.yaml"), PLAIN);
        Path withSweep = Files.writeString(dir.resolve("tiny.yaml"), SweepCommandTest.TINY);
        assertThat(badInput(mercato("sweep", file.toString(), "--dry-run")))
                .contains("has no sweep")
                .contains("--factor");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "seed", "--dry-run")))
                .contains("--factor seed")
                .contains("expected KEY=LEVEL,LEVEL");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "seed=1,,2", "--dry-run")))
                .contains("--factor seed")
                .contains("a level is empty");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "seed=1,1", "--dry-run")))
                .contains("--factor seed")
                .contains("given twice");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "seed=[1,", "--dry-run")))
                .contains("--factor seed")
                .contains("not valid YAML");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "kernel.nosuch=1,2", "--dry-run")))
                .contains("kernel.nosuch");
        assertThat(badInput(mercato("sweep", file.toString(), "--factor", "seed=1,2", "--set", "oops", "--dry-run")))
                .contains("--set oops")
                .contains("expected KEY=VALUE");
        assertThat(badInput(mercato(
                        "sweep",
                        withSweep.toString(),
                        "--set",
                        "agents.assistants[0].params.inquiries=3",
                        "--dry-run")))
                .contains("--set agents.assistants[0].params.inquiries")
                .contains("is a factor");
        assertThat(badInput(mercato("sweep", withSweep.toString(), "--replicates", "0", "--dry-run")))
                .contains("--replicates")
                .contains("at least 1");
    }

    @Test
    void aSweepFromTheCommandLineStoresTypedFactorColumnsAndTheOverriddenScenario() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.yaml"), COST_PLUS);
        Path out = dir.resolve("out");

        MercatoCliTest.Result result = mercato(
                "sweep",
                file.toString(),
                "--set",
                "market.generate.customers=4",
                "--factor",
                "agents.assistants[0].params.inquiries=1,2",
                "--factor",
                "kernel.networkDelay=5ms,20ms",
                "--factor",
                "agents.services[0].params.markup=0.25,1",
                "--factor",
                "agents.acceptFailures=false,true",
                "--out",
                out.toString(),
                "--parallelism",
                "2");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("16 ok, 0 failed");
        try (SweepStore store = SweepStore.open(out.resolve("sweep.duckdb"))) {
            Map<String, Double> customers = new TreeMap<>();
            store.metrics().forEach((cell, metrics) -> customers.put(cell, metrics.get("market.customers")));
            assertThat(customers)
                    .hasSize(16)
                    .allSatisfy((cell, n) -> assertThat(n).isEqualTo(4.0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("sweep.duckdb"));
                Statement sql = c.createStatement()) {
            List<String> types = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("DESCRIBE cells_wide")) {
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(types)
                    .containsExactly(
                            "id VARCHAR",
                            "idx INTEGER",
                            "replicate INTEGER",
                            "seed BIGINT",
                            "status VARCHAR",
                            "agents.assistants[0].params.inquiries BIGINT",
                            "kernel.networkDelay VARCHAR",
                            "agents.services[0].params.markup DOUBLE",
                            "agents.acceptFailures BOOLEAN");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT idx, \"agents.assistants[0].params.inquiries\" + 1,"
                    + " \"kernel.networkDelay\", \"agents.services[0].params.markup\" * 2, NOT \"agents.acceptFailures\","
                    + " status FROM cells_wide"
                    + " ORDER BY idx LIMIT 3")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getDouble(4) + " "
                            + rs.getBoolean(5) + " " + rs.getString(6));
                }
            }
            assertThat(rows).containsExactly("0 2 5ms 0.5 true ok", "1 2 5ms 0.5 false ok", "2 2 5ms 2.0 true ok");
        }
        assertThat(out.resolve("export/cells_wide.parquet")).isNotEmptyFile();
    }
}
