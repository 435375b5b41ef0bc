package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;
import picocli.CommandLine;

/**
 * {@code mercato fit choices} writes a run's choice sets as its choiceLogit block fits them, and the
 * sample docs/aces-logit-choices.csv (written by it from {@code mercato run aces-logit}) fits back to
 * the coefficients aces-logit.yaml plants.
 */
class FitChoicesCommandTest {
    private static final Path SAMPLE = Path.of("../docs/aces-logit-choices.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mercato(String... args) {
        CommandLine cli = new CommandLine(new MercatoCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Each covariate's coefficient from {@code mercato fit clogit}'s JSON, by name. */
    private Map<String, JsonNode> clogit(Path csv, Path json) throws Exception {
        int code = mercato(
                "fit",
                "clogit",
                csv.toString(),
                "--set",
                "set",
                "--chosen",
                "chosen",
                "--cluster",
                "customer",
                "--json",
                json.toString());
        assertThat(code).as(err.toString()).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        JSON.readTree(json.toFile())
                .get("covariates")
                .forEach(c -> byName.put(c.get("name").asText(), c));
        return byName;
    }

    @Test
    void theCsvOfARunFitsToTheCoefficientsOfItsSummary(@TempDir Path dir) throws Exception {
        RunResult run = new ScenarioRunner(PolicyRegistry.builtIn(), dir, KernelListener.NONE)
                .run(Mercato.bundled(
                        "aces-logit", "market.generate.customers=60", "output.duckdb=false", "output.baselines=false"));
        Path csv = dir.resolve("choices.csv");

        int code = mercato("fit", "choices", run.folder().toString(), "--out", csv.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode block =
                JSON.readTree(run.folder().resolve("summary.json").toFile()).at("/market/choiceLogit");
        assertThat(out.toString())
                .contains(block.get("choiceSets").asInt() + " choice sets")
                .contains("wrote " + csv);
        Map<String, JsonNode> refit = clogit(csv, dir.resolve("fit.json"));
        assertThat(refit).hasSize(block.at("/fit/coefficients").size());
        for (JsonNode expected : block.at("/fit/coefficients")) {
            JsonNode actual = refit.get(expected.get("name").asText());
            assertThat(actual).as(expected.get("name").asText()).isNotNull();
            assertThat(actual.get("coef").asDouble())
                    .isCloseTo(expected.get("coef").asDouble(), within(1e-6));
            assertThat(actual.get("se").asDouble()).isCloseTo(expected.get("se").asDouble(), within(1e-6));
        }
    }

    @Test
    void aFolderWithoutALogIsBadInput(@TempDir Path dir) {
        assertThat(mercato("fit", "choices", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains("events.jsonl: no such file");
    }

    @Test
    void theSampleHasOneChosenAlternativePerSetOfEight() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        assertThat(lines.get(0))
                .isEqualTo("set,customer,chosen,row2,column2,column3,column4,logPrice,rating,logReviews,"
                        + "tag:overall-pick,tag:scarcity:1,tag:scarcity:2,tag:scarcity:3,tag:scarcity:4,tag:sponsored");
        Map<String, int[]> sets = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int[] counts = sets.computeIfAbsent(cells[0], k -> new int[2]);
            counts[0]++;
            counts[1] += Integer.parseInt(cells[2]);
        }
        assertThat(sets).hasSize(396);
        assertThat(sets.values()).allSatisfy(counts -> assertThat(counts).containsExactly(8, 1));
        assertThat(Files.size(SAMPLE)).isLessThan(300_000);
    }

    /** The planted coefficients of scenarios/aces-logit.yaml, each within 2.5 standard errors. */
    @Test
    void theSampleFitsBackToThePlantedCoefficients(@TempDir Path dir) throws Exception {
        Map<String, Double> planted = Map.ofEntries(
                Map.entry("row2", -0.4),
                Map.entry("column2", -0.15),
                Map.entry("column3", -0.30),
                Map.entry("column4", -0.45),
                Map.entry("logPrice", -1.2),
                Map.entry("rating", 0.6),
                Map.entry("logReviews", 0.1),
                Map.entry("tag:overall-pick", 0.8),
                Map.entry("tag:scarcity:1", 0.2),
                Map.entry("tag:scarcity:2", 0.2),
                Map.entry("tag:scarcity:3", 0.2),
                Map.entry("tag:scarcity:4", 0.2),
                Map.entry("tag:sponsored", 0.3));

        Map<String, JsonNode> fit = clogit(SAMPLE, dir.resolve("fit.json"));

        assertThat(fit.keySet()).containsExactlyInAnyOrderElementsOf(planted.keySet());
        planted.forEach((name, value) -> {
            JsonNode c = fit.get(name);
            assertThat(c.get("coef").asDouble())
                    .as("%s (se %s)", name, c.get("se"))
                    .isCloseTo(value, within(2.5 * c.get("se").asDouble()));
        });
        // the strongly identified ones closely
        assertThat(fit.get("logPrice").get("coef").asDouble()).isCloseTo(-1.2, within(0.15));
        assertThat(fit.get("row2").get("coef").asDouble()).isCloseTo(-0.4, within(0.1));
    }
}
