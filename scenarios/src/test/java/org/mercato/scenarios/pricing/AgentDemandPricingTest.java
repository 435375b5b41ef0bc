package org.mercato.scenarios.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.cli.MercatoCli;
import picocli.CommandLine;

/**
 * {@code demand: agents} through the CLI: two learning sellers reprice every day against logit
 * shoppers who come back daily (Calvano's demand: {@code price: -1/mu}, {@code outside: (a0 - a)/mu});
 * the summary's pricing block has a period per day, priced on the grid, and a firm count that does
 * not match the catalog is bad input at its key.
 */
class AgentDemandPricingTest {
    @TempDir
    Path dir;

    private Path scenario(int firms) throws IOException {
        String customers = IntStream.range(0, 30)
                .mapToObj(i -> "    - {id: c" + i + ", request: Widget, items: {Widget: 1}, values: {Widget: 10.00}}")
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("agents.yaml"), """
                name: agent-pricing
                seed: 5
                kernel: {networkDelay: 5ms}
                market:
                  services:
                    - {id: a, menu: {Widget: 1.70}, unitCosts: {Widget: 1.00}, rating: 4.5}
                    - {id: b, menu: {Widget: 1.70}, unitCosts: {Widget: 1.00}, rating: 4.5}
                  customers:
                %s
                  dynamics:
                    horizon: 8d
                    period: 1d
                    returns: {every: 1d, distribution: fixed}
                  pricing:
                    demand: agents
                    firms: %d
                    policy: {name: q-learning, beta: 0.05}
                agents:
                  assistants:
                    - policy: logit
                      params: {logPrice: 0, price: -4, outside: -8}
                  services:
                    - policy: posted-price
                """.formatted(customers, firms));
    }

    private int cli(StringWriter err, String... args) {
        CommandLine cli = MercatoCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void sellersRepriceEveryPeriodOnTheirGrid() throws IOException {
        StringWriter err = new StringWriter();
        int code = cli(
                err, "run", scenario(2).toString(), "--out", dir.resolve("runs").toString());

        assertThat(code).as(err.toString()).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode pricing = new ObjectMapper()
                .readTree(run.resolve("summary.json").toFile())
                .get("pricing");
        assertThat(pricing.get("demand").asText()).isEqualTo("agents");
        JsonNode periods = pricing.get("periods");
        assertThat(periods.size()).isBetween(7, 8);
        double low = pricing.at("/nash/prices/0").asDouble() - 0.1;
        double high = pricing.at("/monopoly/prices/0").asDouble() + 0.1;
        long sold = 0;
        for (JsonNode period : periods) {
            for (JsonNode price : period.get("prices")) {
                assertThat(price.asDouble()).isBetween(low, high);
            }
            for (JsonNode units : period.get("sales")) {
                sold += units.asLong();
            }
        }
        assertThat(sold).as("the shoppers buy").isGreaterThan(periods.size() * 15L);
        assertThat(pricing.get("gain")).isNotNull();
    }

    @Test
    void firmsMustMatchTheCatalogsServices() throws IOException {
        StringWriter err = new StringWriter();
        int code = cli(err, "validate", scenario(3).toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("error: " + dir.resolve("agents.yaml") + ":")
                .contains("market.pricing.firms: demand: agents prices the catalog's services, one firm each: 3 firms"
                        + " but 2 services")
                .doesNotContain("Exception");
    }

    @Test
    void llmSellersAreRefusedBecauseTheirPromptKeepsTheCatalogsMenu() throws IOException {
        Path file = scenario(2);
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "    - policy: posted-price",
                                "    - policy: llm-service\n      llm: {baseUrl: 'http://127.0.0.1:9/v1', model: m}"));
        StringWriter err = new StringWriter();
        int code = cli(err, "validate", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .contains("agents.services[0].policy: demand: agents reprices the services each period")
                .doesNotContain("Exception");
    }
}
