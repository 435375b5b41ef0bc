package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;

public class ScenarioLoaderTest {
    /** A small valid scenario; line numbers in the assertions below refer to this text. */
    public static final String VALID = """
            name: small
            seed: 7
            kernel:
              networkDelay: 5ms
              mode: bare
            market:
              generate:
                customers: 20
                services: 5
            agents:
              assistants:
                - policy: rational
                  count: 20
                  params:
                    inquiries: 3
                  thinkTime: {min: 20ms, median: 200ms, sigma: 0.5}
              services:
                - policy: posted-price
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return file;
    }

    private ScenarioException failure(String text) throws IOException {
        Path file = write(text);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file, List.of()));
        assertThat(e).as("loading should fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString() + ":");
        return e;
    }

    @Test
    void loadsAValidScenario() throws IOException {
        Scenario scenario = ScenarioLoader.load(write(VALID), List.of());

        assertThat(scenario.name()).isEqualTo("small");
        assertThat(scenario.seed()).isEqualTo(7L);
        assertThat(scenario.kernel().mode()).isEqualTo(KernelMode.BARE);
        assertThat(scenario.kernel().networkDelayMicros()).isEqualTo(5_000);
        assertThat(scenario.market().generate().customers()).isEqualTo(20);
        assertThat(scenario.agents().assistants().get(0).thinkTime().median().micros())
                .isEqualTo(200_000);
    }

    @Test
    void loadsTheBundledQuickstart() {
        Scenario scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of());

        assertThat(scenario.name()).isEqualTo("quickstart");
        assertThat(scenario.market().generate().customers()).isEqualTo(200);
    }

    @Test
    void aMappingMissingARequiredKeySaysWhichNotTheExceptionsName() throws IOException {
        ScenarioException e = failure(VALID + "prices:\n  gpt: {input: 1}\n");

        assertThat(e.getMessage())
                .contains("prices.gpt: needs output (expected a mapping with keys input, output)")
                .doesNotContain("Exception");
    }

    @Test
    void unknownKeyNamesFileLineColumnPathAndAllowedKeys() throws IOException {
        ScenarioException e = failure(VALID.replace("median: 200ms", "mediam: 200ms"));

        assertThat(e.getMessage())
                .contains("scenario.yaml:16:30:")
                .contains("agents.assistants[0].thinkTime.mediam")
                .contains("unknown key 'mediam'")
                .contains("allowed here: fixed, min, max, median, sigma")
                .contains("did you mean 'median'?");
        assertThat(e.line()).isEqualTo(16);
        assertThat(e.column()).isEqualTo(30);
        assertThat(e.key()).isEqualTo("agents.assistants[0].thinkTime.mediam");
    }

    @Test
    void unknownTopLevelKeyPointsAtTheKey() throws IOException {
        ScenarioException e = failure(VALID.replace("seed: 7", "sede: 7"));

        assertThat(e.getMessage())
                .isEqualTo(dir.resolve("scenario.yaml")
                        + ":2:1: sede: unknown key 'sede'; allowed here: name, description, seed, kernel, market,"
                        + " agents, gateway, prices, output, sweep (did you mean 'seed'?)");
    }

    @Test
    void mistypedNumberSaysWhatWasExpected() throws IOException {
        ScenarioException e = failure(VALID.replace("customers: 20", "customers: twenty"));

        assertThat(e.getMessage())
                .endsWith("scenario.yaml:8:16: market.generate.customers: expected a whole number, got 'twenty'");
    }

    @Test
    void fractionIsNotAcceptedForAWholeNumber() throws IOException {
        ScenarioException e = failure(VALID.replace("count: 20", "count: 1.5"));

        assertThat(e.getMessage()).endsWith(":13:14: agents.assistants[0].count: expected a whole number, got 1.5");
    }

    @Test
    void badDurationSaysWhatADurationLooksLike() throws IOException {
        ScenarioException e = failure(VALID.replace("networkDelay: 5ms", "networkDelay: 5 sec"));

        assertThat(e.getMessage())
                .endsWith(":4:17: kernel.networkDelay: expected a duration such as 250us, 20ms, 1.5s, 2m, 1h or 30d,"
                        + " got '5 sec'");
    }

    @Test
    void wrongEnumListsTheChoices() throws IOException {
        ScenarioException e = failure(VALID.replace("mode: bare", "mode: fast"));

        assertThat(e.getMessage()).endsWith(":5:9: kernel.mode: expected one of actors, bare, got 'fast'");
    }

    @Test
    void negativeCountIsReportedAtTheCountWithTheRecordsMessage() throws IOException {
        ScenarioException e = failure(VALID.replace("count: 20", "count: -3"));

        assertThat(e.getMessage()).endsWith("scenario.yaml:13:14: agents.assistants[0].count: must be >= 0, was -3");
    }

    @Test
    void recordValidationWithoutAKeyIsReportedAtTheObject() throws IOException {
        ScenarioException e = failure(VALID.replace("{min: 20ms, median: 200ms, sigma: 0.5}", "{min: 2s, max: 1s}"));

        assertThat(e.getMessage()).endsWith(":16:7: agents.assistants[0].thinkTime: think time max must be >= min");
    }

    @Test
    void missingRequiredSection() throws IOException {
        ScenarioException e = failure("name: nomarket\nseed: 1\n");

        assertThat(e.getMessage()).endsWith("scenario.yaml:1:1: market: is required");
    }

    @Test
    void malformedYamlGivesLineAndColumn() throws IOException {
        ScenarioException e = failure(VALID.replace("    services: 5", "    services: 5\n   bad: indent"));

        assertThat(e.getMessage()).contains("scenario.yaml:10:4: malformed YAML: expected <block end>");
        assertThat(e.line()).isEqualTo(10);
    }

    @Test
    void unclosedFlowMappingIsMalformed() throws IOException {
        ScenarioException e = failure(VALID.replace("sigma: 0.5}", "sigma: 0.5"));

        assertThat(e.getMessage()).contains("malformed YAML");
        assertThat(e.line()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void duplicateKeyIsAnErrorNotLastOneWins() throws IOException {
        ScenarioException e = failure(VALID.replace("seed: 7", "seed: 7\nseed: 8"));

        assertThat(e.getMessage()).endsWith(":3:1: seed: duplicate key 'seed' (first given at 2:1)");
    }

    @Test
    void emptyFileSaysSo() throws IOException {
        ScenarioException e = failure("# nothing here\n");

        assertThat(e.getMessage()).endsWith("scenario.yaml: the file is empty; a scenario needs at least a market");
    }

    @Test
    void aDocumentThatIsOnlyANullSaysWhatWasExpected() throws IOException {
        // found by ValidateFuzzTest: "~" bound to no scenario at all, then a NullPointerException
        ScenarioException e = failure("~\n");

        assertThat(e.getMessage())
                .endsWith("scenario.yaml:1:1: expected a mapping with keys name, description,"
                        + " seed, kernel, market, agents, gateway, prices, output, sweep, got nothing");
    }

    @Test
    void aGeneratedMarketTooLargeToBuildIsRefused() {
        // found by the fuzz: 2147483647 customers ended validate with an OutOfMemoryError (exit 1)
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> ScenarioValidator.load(
                        write(VALID),
                        List.of("market.generate.customers=2147483647"),
                        org.mercato.agents.PolicyRegistry.builtIn()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .isEqualTo("--set market.generate.customers: must be at most 10000000, was 2147483647");
    }

    @Test
    void aListWhereAMappingBelongs() throws IOException {
        ScenarioException e = failure(VALID.replace("seed: 7", "seed: [7]"));

        assertThat(e.getMessage()).endsWith(":2:7: seed: expected a whole number, got a list");
    }

    @Test
    void emptyValueMeansTheDefault() throws IOException {
        Scenario scenario = ScenarioLoader.load(
                write(VALID.replace("count: 20", "count:").replace("  networkDelay: 5ms\n  mode: bare\n", "")),
                List.of());

        assertThat(scenario.agents().assistants().get(0).count()).isNull();
        assertThat(scenario.kernel().mode()).isNull();
    }

    @Test
    void emptyListEntryIsReportedAtTheEntry() throws IOException {
        ScenarioException e = failure(VALID.replace("  services:\n    - policy", "  services:\n    -\n    - policy"));

        assertThat(e.getMessage()).endsWith(":18:6: agents.services[0]: the list entry is empty");
    }

    @Test
    void yamlAliasesAreRefused() throws IOException {
        ScenarioException e = failure("sizes: &s {customers: 3, services: 2}\nmarket:\n  generate: *s\n");

        assertThat(e.getMessage())
                .endsWith(":3:13: market.generate: YAML aliases (*name) are not supported in"
                        + " scenario files; write the value out");
    }

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("nope.yaml");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));

        assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
    }

    @Test
    void directoryIsNotAScenario() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(dir));

        assertThat(e.getMessage()).isEqualTo(dir + ": is a directory, not a scenario file");
    }
}
