package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money beyond the documented maximum (10,000,000.00), negative or not a number is bad input at its
 * key, from the file (with line and column) or from {@code --set}: exit 2, one line, and no run.
 */
class MoneyBoundsCliTest {
    private static final String TOO_LARGE =
            "must be at most 10000000.00 (the largest amount of money Mercato accepts), was ";

    @TempDir
    Path dir;

    @Test
    void aMenuPriceThatWouldOverflowTheTotalIsRefusedBeforeTheRun() throws IOException {
        Path runs = dir.resolve("runs");

        String error = badInput(mercato(
                "run",
                "speed-vs-satisficer.yaml",
                "--set",
                "market.services[0].menu.Tacos=92233720368547758",
                "--out",
                runs.toString()));

        assertThat(error).isEqualTo("error: --set market.services[0].menu.Tacos: " + TOO_LARGE + "92233720368547758");
        // nothing ran: no events.jsonl with a wrapped-around total
        if (Files.exists(runs)) {
            try (Stream<Path> files = Files.walk(runs)) {
                assertThat(files.filter(p -> p.endsWith("events.jsonl"))).isEmpty();
            }
        }
    }

    @Test
    void aPriceInScientificNotationNamesItsKey() {
        assertThat(badInput(
                        mercato("validate", "speed-vs-satisficer.yaml", "--set", "market.services[0].menu.Tacos=1e17")))
                .startsWith("error: --set market.services[0].menu.Tacos: " + TOO_LARGE);
    }

    @Test
    void aHugeCustomerValueIsRefused() {
        assertThat(badInput(mercato(
                        "validate",
                        "speed-vs-satisficer.yaml",
                        "--set",
                        "market.customers[0].values.Tacos=92233720368547758")))
                .isEqualTo("error: --set market.customers[0].values.Tacos: " + TOO_LARGE + "92233720368547758");
    }

    @Test
    void negativeAndHugeBudgetsQuantitiesAndCostsAreRefused() {
        assertThat(badInput(mercato("validate", "speed-vs-satisficer.yaml", "--set", "market.customers[0].budget=-1")))
                .isEqualTo("error: --set market.customers[0].budget: must be >= 0, was -1");
        assertThat(badInput(mercato(
                        "validate", "speed-vs-satisficer.yaml", "--set", "market.customers[0].items.Tacos=2000000")))
                .isEqualTo("error: --set market.customers[0].items.Tacos: must be at most 1000000"
                        + " (the largest quantity Mercato accepts), was 2000000");
        assertThat(badInput(mercato(
                        "validate", "speed-vs-satisficer.yaml", "--set", "market.services[1].unitCosts.Tacos=1e12")))
                .startsWith("error: --set market.services[1].unitCosts.Tacos: " + TOO_LARGE);
    }

    @Test
    void aMoneyParameterOfAPolicyIsBounded() {
        assertThat(badInput(mercato(
                        "validate",
                        "speed-vs-satisficer.yaml",
                        "--set",
                        "agents.assistants[0].params.minUtility=1e300")))
                .startsWith("error: --set agents.assistants[0].params.minUtility: expected an amount within"
                        + " -10000000.00 and 10000000.00, got ");
    }

    @Test
    void aHugeValueInAMagenticDatasetIsBadInputNamingTheDatasetFile() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("businesses"));
        Files.createDirectories(data.resolve("customers"));
        Files.writeString(
                data.resolve("businesses/b.yaml"),
                "id: b\nname: B\nrating: 4\nmenu_features: {Tacos: 9.50}\namenity_features: {Patio: true}\n");
        Files.writeString(
                data.resolve("customers/c.yaml"),
                "id: c\nname: C\nrequest: Tacos\nmenu_features:\n  Tacos: 92233720368547758\namenity_features: []\n");
        Path scenario = Files.writeString(
                dir.resolve("magentic.yaml"),
                "name: huge\nmarket:\n  magentic: data\nagents:\n  assistants: [{policy: rational}]\n");

        assertThat(badInput(mercato("validate", scenario.toString())))
                .isEqualTo("error: " + scenario + ":3:13: market.magentic: " + data.resolve("customers/c.yaml")
                        + ":5:10: menu_features['Tacos']: a price " + TOO_LARGE + "92233720368547758");
    }

    @Test
    void theMaximumItselfIsAccepted() {
        MercatoCliTest.Result result =
                mercato("validate", "speed-vs-satisficer.yaml", "--set", "market.services[0].menu.Tacos=10000000.00");

        assertThat(result.code()).as(result.err()).isZero();
    }

    @Test
    void aTooLargePriceInTheFileIsReportedAtItsLineAndColumn() throws IOException {
        Path file = dir.resolve("huge.yaml");
        String text = Files.readString(Path.of("speed-vs-satisficer.yaml"));
        int first = text.indexOf("menu: {Tacos: 9.50");
        Files.writeString(
                file,
                text.substring(0, first)
                        + text.substring(first).replaceFirst("Tacos: 9\\.50", "Tacos: 92233720368547758"));
        int line = (int) text.substring(0, first).chars().filter(c -> c == '\n').count() + 1;

        String error = badInput(mercato("validate", file.toString()));

        assertThat(error)
                .isEqualTo("error: " + file + ":" + line + ":21: market.services[0].menu.Tacos: " + TOO_LARGE
                        + "92233720368547758");
    }

    @Test
    void llmPricesAndAdMoneyAreBoundedToo() throws IOException {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("speed-vs-satisficer.yaml"))
                        + "prices:\n  some-model: {input: 1e300, output: 1}\n");
        String lines = Files.readString(file);
        int line = (int) lines.lines().count();

        assertThat(badInput(mercato("validate", file.toString())))
                .isEqualTo("error: " + file + ":" + line + ":23: prices.some-model.input: " + TOO_LARGE + "1.0E+300");
        assertThat(badInput(mercato("validate", "speed-vs-satisficer.yaml", "--set", "market.ads.reserve=1e13")))
                .startsWith("error: --set market.ads.reserve: " + TOO_LARGE);
    }
}
