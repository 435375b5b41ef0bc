package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mercato baselines} on the fixture, whose numbers are worked out by hand below, and on bad
 * input. Tests run in the scenarios module's folder.
 *
 * <p>The fixture: shopper_1 wants a Sourdough Loaf (5.50) and a Cinnamon Knot (3.50) from a bakery
 * with Gluten-Free Options, value 2 × 9.00 = 18.00. All three bakeries sell both for 8.00; only
 * bakery_3 has the amenity: utilities -8.00, -8.00, 10.00. shopper_2 wants 2 Plum Tarts (7.00
 * each) with Curbside Pickup, value 28.00; only bakery_3 sells them, 2 × 6.00: 16.00. shopper_3
 * wants a Rye Roll (2.50), no amenities, value 5.00: 1.50, 2.00, 1.50 at the three bakeries:
 * utilities 3.50, 3.00, 3.50.
 *
 * <ul>
 *   <li>optimal: 10.00 + 16.00 + 3.50 = 29.50
 *   <li>cheapest: shopper_1's three bakeries tie at 8.00, mean (-8 - 8 + 10) / 3 = -2.00;
 *       shopper_3's bakery_1 and bakery_3 tie at 1.50, both 3.50: -2.00 + 16.00 + 3.50 = 17.50
 *   <li>random-feasible: 10.00 + 16.00 + (3.50 with probability 2/3, else 3.00): 29.50 or 29.00.
 *       The median of 1,000 draws is 29.50 unless 500 or more draws (expected 333) are 29.00, which
 *       is more than 11 standard deviations away; so is every bootstrap resample's median.
 *   <li>random-any: shopper_1 gets -8.00 (2/3) or 10.00, shopper_3 3.50 (2/3) or 3.00: sums 11.00
 *       (2/9), 11.50 (4/9), 29.00 (1/9), 29.50 (2/9). The cumulative probability passes 1/2 at
 *       11.50 (2/9 below it, 1/3 above), so the median and its interval are 11.50 for any seed
 *       short of a 10-standard-deviation accident; min 11.00 and max 29.50.
 * </ul>
 */
class BaselinesCommandTest {
    private static final String FIXTURE = "src/test/resources/magentic-fixture";

    @TempDir
    Path dir;

    /** The whitespace-separated cells of the table row that starts with {@code name}. */
    private static List<String> row(String out, String name) {
        return out.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(name + " "))
                .findFirst()
                .map(line -> Arrays.asList(
                        line.replace("[", "").replace("]", "").replace(",", "").split("\\s+")))
                .orElseThrow(() -> new AssertionError("no row " + name + " in:\n" + out));
    }

    @Test
    void theFixturesBaselines() {
        MercatoCliTest.Result result = mercato("baselines", FIXTURE);

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("Magentic baselines for " + FIXTURE + ": 3 customers, 3 businesses, seed 1, 1,000 draws");
        assertThat(row(result.out(), "optimal")).containsExactly("optimal", "29.50");
        assertThat(row(result.out(), "cheapest")).containsExactly("cheapest", "17.50");
        assertThat(row(result.out(), "random-feasible"))
                .containsExactly("random-feasible", "29.50", "29.50", "29.50", "29.00", "29.50");
        assertThat(row(result.out(), "random-any"))
                .containsExactly("random-any", "11.50", "11.50", "11.50", "11.00", "29.50");
        assertThat(result.out())
                .contains("2 customers with several businesses at the lowest total count the mean over them")
                .doesNotContain("unserved");
    }

    @Test
    void theReadmeShowsTheCommandsOutput() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String prompt = "$ ./mercato baselines scenarios/data/magentic-sample\n";
        int start = readme.indexOf(prompt);
        assertThat(start).as("the README's example").isNotNegative();
        String shown = readme.substring(start + prompt.length(), readme.indexOf("```", start));

        MercatoCliTest.Result result = mercato("baselines", "data/magentic-sample");

        assertThat(result.out().replace(System.lineSeparator(), "\n"))
                .isEqualTo(shown.replace("scenarios/data/magentic-sample", "data/magentic-sample"));
    }

    @Test
    void theSameNumbersForAnySeedAndTheSameOutputForTheSameSeed() {
        MercatoCliTest.Result a = mercato("baselines", FIXTURE, "--seed", "123456");
        MercatoCliTest.Result b = mercato("baselines", FIXTURE, "--seed", "123456");

        assertThat(a.code()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).contains("seed 123456");
        assertThat(row(a.out(), "random-any"))
                .containsExactly("random-any", "11.50", "11.50", "11.50", "11.00", "29.50");
    }

    @Test
    void writesJson() throws IOException {
        Path json = dir.resolve("baselines.json");

        MercatoCliTest.Result result = mercato("baselines", FIXTURE, "--draws", "500", "--json", json.toString());

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("draws").asInt()).isEqualTo(500);
        assertThat(root.get("optimal").decimalValue()).isEqualByComparingTo("29.50");
        assertThat(root.get("cheapest").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(root.get("randomFeasible").get("median").decimalValue()).isEqualByComparingTo("29.50");
        assertThat(root.get("randomAny").get("median").decimalValue()).isEqualByComparingTo("11.50");
        assertThat(root.get("randomAny").get("ciLower").decimalValue()).isEqualByComparingTo("11.50");
        assertThat(root.get("randomAny").get("ciUpper").decimalValue()).isEqualByComparingTo("11.50");
        assertThat(root.get("randomAny").get("min").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(root.get("randomAny").get("max").decimalValue()).isEqualByComparingTo("29.50");
        assertThat(root.get("cheapestTied").asInt()).isEqualTo(2);
        assertThat(root.get("perCustomer").get(0).get("cheapest").decimalValue())
                .isEqualByComparingTo("-2.00");
        assertThat(root.get("perCustomer").get(0).get("cheapestTied").asInt()).isEqualTo(3);
        assertThat(root.get("perCustomer").get(1).get("optimal").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(root.get("warnings")).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(json);
        }
    }

    @Test
    void aScenarioFileUsesItsMarketAndSeed() {
        MercatoCliTest.Result result = mercato("baselines", "magentic-sample.yaml");

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("3 customers, 3 businesses, seed 7, 1,000 draws");
        assertThat(row(result.out(), "optimal")).containsExactly("optimal", "29.50");
    }

    @Test
    void aGeneratedMarketHasBaselinesToo() {
        MercatoCliTest.Result result = mercato("baselines", "quickstart.yaml", "--draws", "50");

        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("200 customers, 40 businesses, seed 42, 50 draws");
    }

    @Test
    void warningsGoToStderr() throws IOException {
        Path market = dir.resolve("market");
        copyFixture(market);
        Path bakery = market.resolve("businesses/bakery_3.yaml");
        Files.writeString(bakery, Files.readString(bakery).replace("Curbside Pickup: true", "Curbside Pickup: false"));

        MercatoCliTest.Result result = mercato("baselines", market.toString());

        assertThat(result.code()).isZero();
        assertThat(result.errLines())
                .containsExactly("warning: customer shopper_2 cannot be served: the only business that sells all of"
                        + " 'Plum Tart' lacks some of 'Curbside Pickup'");
        // shopper_2 now pays 12.00 for nothing at best, so buys nothing in optimal: 10.00 + 0 + 3.50
        assertThat(row(result.out(), "optimal")).containsExactly("optimal", "13.50");
        assertThat(result.out()).contains("unserved: 0 customers no business sells all items to, 1 more");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        assertThat(badInput(mercato("baselines", "nowhere"))).isEqualTo("error: nowhere: no such folder or file");
        assertThat(badInput(mercato("baselines", FIXTURE, "--draws", "0")))
                .isEqualTo("error: --draws: must be at least 1, was 0");
        assertThat(badInput(mercato(
                        "baselines",
                        FIXTURE,
                        "--json",
                        dir.resolve("no/such/out.json").toString())))
                .endsWith("out.json: its folder does not exist");
        assertThat(badInput(mercato("baselines"))).startsWith("error: missing required parameter: 'FOLDER|FILE'");

        Path market = dir.resolve("market");
        copyFixture(market);
        Path shopper = market.resolve("customers/shopper_1.yaml");
        Files.writeString(shopper, Files.readString(shopper).replace("- Gluten-Free Options", "- Gluten Free"));
        assertThat(badInput(mercato("baselines", market.toString())))
                .isEqualTo("error: " + shopper + ":9:3: amenity_features[0]: unknown amenity 'Gluten Free': no"
                        + " business in the folder lists it");
    }

    private static void copyFixture(Path target) throws IOException {
        Path fixture = Path.of(FIXTURE);
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path to = target.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
    }
}
