package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;
import picocli.CommandLine;

class FitCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mercato(String... args) {
        CommandLine cli = MercatoCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** {@code mercato fit clogit CSV --set set --chosen chosen}, then {@code more}. */
    private int clogit(Path csv, String... more) {
        List<String> args =
                new ArrayList<>(List.of("fit", "clogit", csv.toString(), "--set", "set", "--chosen", "chosen"));
        args.addAll(List.of(more));
        return mercato(args.toArray(String[]::new));
    }

    /** Two-alternative sets where the cheaper one is chosen with logit probability, slope -2. */
    private static Path choices(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("set,shopper,alt,price,chosen\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < 1_500; s++) {
            double a = random.nextDouble() * 2;
            double b = random.nextDouble() * 2;
            double pa = 1 / (1 + Math.exp(-2 * (b - a)));
            boolean first = random.nextDouble() < pa;
            csv.append(s)
                    .append(',')
                    .append(s % 50)
                    .append(",0,")
                    .append(a)
                    .append(',')
                    .append(first ? 1 : 0)
                    .append('\n');
            csv.append(s)
                    .append(',')
                    .append(s % 50)
                    .append(",1,")
                    .append(b)
                    .append(',')
                    .append(first ? 0 : 1)
                    .append('\n');
        }
        Path file = dir.resolve("choices.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void fitsPrintsAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("fit.json");
        int code = clogit(choices(dir), "--cluster", "shopper", "--ignore", "alt", "--json", json.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("price").contains("converged").contains("50 clusters");
        JsonNode fit = new ObjectMapper().readTree(json.toFile());
        JsonNode price = fit.get("covariates").get(0);
        assertThat(price.get("name").asText()).isEqualTo("price");
        double coef = price.get("coef").asDouble();
        assertThat(Math.abs(coef + 2)).isLessThan(2 * price.get("se").asDouble());
        assertThat(price.get("robustSe").isNumber()).isTrue();
        assertThat(fit.get("choiceSets").asInt()).isEqualTo(1_500);
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path csv = choices(dir);
        assertThat(mercato("fit", "clogit", csv.toString(), "--set", "set", "--chosen", "picked"))
                .isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("error: ")
                .contains("picked")
                .doesNotContain("\n");
        assertThat(mercato("fit", "clogit", dir.resolve("none.csv").toString(), "--set", "s", "--chosen", "c"))
                .isEqualTo(2);
    }

    /** Three listings a set; the shopper always takes the best-rated one, price is noise. */
    private static Path separated(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("set,alt,price,rating,chosen\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int s = 0; s < 40; s++) {
            double[] rating = new double[3];
            int best = 0;
            for (int j = 0; j < 3; j++) {
                rating[j] = 1 + random.nextInt(400) / 100.0;
                best = rating[j] > rating[best] ? j : best;
            }
            for (int j = 0; j < 3; j++) {
                csv.append(s)
                        .append(',')
                        .append(j)
                        .append(',')
                        .append(5 + random.nextInt(20))
                        .append(',');
                csv.append(rating[j]).append(',').append(j == best ? 1 : 0).append('\n');
            }
        }
        Path file = dir.resolve("separated.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void separatedDataAreReportedNotConvergedWithTheCovariateAndNoPValues(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("fit.json");
        int code = clogit(separated(dir), "--ignore", "alt", "--json", json.toString());

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("NOT converged (separated)")
                .contains("complete separation: along +rating")
                .doesNotContain(" converged after");
        String text = Files.readString(json);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode fit = new ObjectMapper().readTree(text);
        assertThat(fit.get("converged").asBoolean()).isFalse();
        assertThat(fit.get("status").asText()).isEqualTo("separated");
        assertThat(fit.get("reason").asText()).startsWith("complete separation");
        assertThat(fit.get("causedBy")).hasSize(1);
        assertThat(fit.get("causedBy").get(0).asText()).isEqualTo("rating");
        assertThat(fit.get("logLikelihood").isNull()).isTrue();
        for (JsonNode c : fit.get("covariates")) {
            assertThat(c.get("se").isNull()).isTrue();
            assertThat(c.get("p").isNull()).isTrue();
        }
    }

    @Test
    void collinearCovariatesAreNamedAndNotFitted(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("set,price,tax,gross,chosen\n");
        SplittableRandom random = new SplittableRandom(9);
        for (int s = 0; s < 50; s++) {
            int chosen = random.nextInt(3);
            for (int j = 0; j < 3; j++) {
                double price = random.nextInt(100) / 10.0;
                double tax = random.nextInt(10) / 10.0;
                csv.append(s).append(',').append(price).append(',').append(tax).append(',');
                csv.append(price + tax).append(',').append(j == chosen ? 1 : 0).append('\n');
            }
        }
        Path file = dir.resolve("collinear.csv");
        Files.writeString(file, csv);
        Path json = dir.resolve("fit.json");

        int code = clogit(file, "--json", json.toString());

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("NOT converged (singular)").contains("gross is collinear with price, tax");
        JsonNode fit = new ObjectMapper().readTree(json.toFile());
        assertThat(fit.get("status").asText()).isEqualTo("singular");
        assertThat(fit.get("causedBy").toString()).isEqualTo("[\"price\",\"tax\",\"gross\"]");
    }

    @Test
    void anUnwritableJsonPathIsBadInputBeforeFitting(@TempDir Path dir) throws Exception {
        Path csv = choices(dir);

        int code = clogit(csv, "--ignore", "alt,shopper", "--json", "/nonexistent/x.json");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("error: cannot write /nonexistent/x.json: no such folder /nonexistent");
        assertThat(out.toString()).as("nothing fitted or printed").isEmpty();
        assertThat(clogit(csv, "--ignore", "alt,shopper", "--json", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("it is a folder");
    }

    /** Written by {@code mercato fit choices} from {@code mercato run aces-logit} (README, Fitting a conditional logit). */
    private static final Path SAMPLE = Path.of("../docs/aces-logit-choices.csv");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each covariate's coefficient from {@code mercato fit clogit}'s JSON, by name. */
    private Map<String, JsonNode> clogitJson(Path csv, Path json) throws Exception {
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
        Map<String, JsonNode> refit = clogitJson(csv, dir.resolve("fit.json"));
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

        Map<String, JsonNode> fit = clogitJson(SAMPLE, dir.resolve("fit.json"));

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
