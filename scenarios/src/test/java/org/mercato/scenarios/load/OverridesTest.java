package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.Scenario;

class OverridesTest {
    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void writeScenario() throws IOException {
        file = dir.resolve("scenario.yaml");
        Files.writeString(file, ScenarioLoaderTest.VALID);
    }

    private Scenario load(String... overrides) {
        return ScenarioLoader.load(file, List.of(overrides));
    }

    private ScenarioException failure(String... overrides) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(overrides));
        assertThat(e).as("loading should fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void overridesANestedKey() {
        Scenario scenario = load("market.generate.customers=5");

        assertThat(scenario.market().generate().customers()).isEqualTo(5);
        assertThat(scenario.market().generate().services()).isEqualTo(5);
    }

    @Test
    void valuesAreReadAsYamlScalars() {
        Scenario scenario = load("seed=99", "kernel.mode=actors", "kernel.networkDelay=250us", "name=renamed");

        assertThat(scenario.seed()).isEqualTo(99L);
        assertThat(scenario.kernel().mode()).isEqualTo(KernelMode.ACTORS);
        assertThat(scenario.kernel().networkDelayMicros()).isEqualTo(250);
        assertThat(scenario.name()).isEqualTo("renamed");
    }

    @Test
    void overridesAListElementWithBrackets() {
        Scenario scenario = load("agents.assistants[0].params.inquiries=5");

        assertThat(scenario.agents().assistants().get(0).params()).containsEntry("inquiries", 5);
    }

    @Test
    void overridesAListElementWithADottedIndex() {
        Scenario scenario = load("agents.assistants.0.params.inquiries=5", "agents.assistants.0.count=20");

        AgentGroupConfig group = scenario.agents().assistants().get(0);
        assertThat(group.params()).containsEntry("inquiries", 5);
        assertThat(group.count()).isEqualTo(20);
    }

    @Test
    void createsMissingMappings() {
        Scenario scenario = load("market.search.pageSize=3", "agents.services[0].params.validity=10s");

        assertThat(scenario.market().search().pageSize()).isEqualTo(3);
        assertThat(scenario.agents().services().get(0).params()).containsEntry("validity", "10s");
    }

    @Test
    void indexEqualToTheSizeAppendsAnEntry() {
        Scenario scenario = load(
                "agents.assistants[0].count=15",
                "agents.assistants[1].policy=satisficer",
                "agents.assistants[1].count=5");

        assertThat(scenario.agents().assistants())
                .extracting(AgentGroupConfig::policy)
                .containsExactly("rational", "satisficer");
    }

    @Test
    void flowValueReplacesAWholeMapping() {
        Scenario scenario = load("agents.assistants[0].thinkTime={min: 1ms, max: 2ms}");

        assertThat(scenario.agents().assistants().get(0).thinkTime().max().micros())
                .isEqualTo(2_000);
    }

    @Test
    void lastOverrideWins() {
        assertThat(load("seed=1", "seed=2").seed()).isEqualTo(2L);
    }

    @Test
    void unknownKeyFailsLikeAnUnknownKeyInTheFile() {
        ScenarioException e = failure("agents.assistants[0].thinkTime.mediam=1s");

        assertThat(e.getMessage())
                .isEqualTo("--set agents.assistants[0].thinkTime.mediam: unknown key 'mediam'; allowed here:"
                        + " fixed, min, max, median, sigma (did you mean 'median'?)");
    }

    @Test
    void unknownSectionFailsAtTheFirstUnknownKey() {
        ScenarioException e = failure("kernel.threads.max=4");

        assertThat(e.getMessage())
                .startsWith("--set kernel.threads.max: kernel.threads: unknown key 'threads'; allowed here:")
                .contains("parallelism");
    }

    @Test
    void badValueIsReportedAgainstTheOverride() {
        assertThat(failure("agents.assistants[0].count=-3").getMessage())
                .isEqualTo("--set agents.assistants[0].count: must be >= 0, was -3");
        assertThat(failure("kernel.networkDelay=5 sec").getMessage())
                .isEqualTo("--set kernel.networkDelay: expected a duration such as 250us, 20ms, 1.5s, 2m, 1h or 30d,"
                        + " got '5 sec'");
        assertThat(failure("market.generate.customers=many").getMessage())
                .isEqualTo("--set market.generate.customers: expected a whole number, got 'many'");
    }

    @Test
    void indexPastTheEndFails() {
        assertThat(failure("agents.assistants[3].count=1").getMessage())
                .isEqualTo("--set agents.assistants[3].count: agents.assistants has 1 entry; index 3 is out of"
                        + " range (use 1 to add an entry)");
    }

    @Test
    void nameOnAListFails() {
        assertThat(failure("agents.assistants.policy=x").getMessage())
                .isEqualTo("--set agents.assistants.policy: agents.assistants is a list; address an entry by"
                        + " index, such as agents.assistants[0]");
    }

    @Test
    void malformedOverridesFail() {
        assertThat(failure("seed").getMessage()).startsWith("--set seed: expected KEY=VALUE");
        assertThat(failure("=7").getMessage()).startsWith("--set: a key is empty");
        assertThat(failure("kernel..mode=bare").getMessage()).startsWith("--set kernel..mode: cannot read this key");
        assertThat(failure("seed={1, 2").getMessage()).startsWith("--set seed: the value is not valid YAML");
    }

    @Test
    void fileErrorsStillWinWithTheirLocation() throws IOException {
        Files.writeString(file, ScenarioLoaderTest.VALID.replace("count: 20", "count: -3"));

        ScenarioException e = failure("agents.assistants[0].count=20");

        assertThat(e.getMessage()).contains("scenario.yaml:13:14: agents.assistants[0].count: must be >= 0");
    }

    @Test
    void anIndexTooLargeForAnIntIsOutOfRange() {
        assertThat(failure("agents.assistants[99999999999].policy=x").getMessage())
                .isEqualTo("--set agents.assistants[99999999999].policy: agents.assistants has 1 entry; index"
                        + " 99999999999 is out of range (use 1 to add an entry)");
    }

    @Test
    void aTextKeyGetsTheTextAsWrittenLikeInTheFile() {
        // YAML 1.1 reads these plain scalars as false, true and 16; the file gives a text key the text
        assertThat(load("name=no").name()).isEqualTo("no");
        assertThat(load("name=yes").name()).isEqualTo("yes");
        assertThat(load("name=0x10").name()).isEqualTo("0x10");
        assertThat(load("name=1_000").name()).isEqualTo("1_000");
        assertThat(load(
                                "agents.assistants[0].llm={baseUrl: 'http://127.0.0.1:1/v1', model: m}",
                                "agents.assistants[0].llm.cache.mode=off")
                        .agents()
                        .assistants()
                        .get(0)
                        .llm()
                        .cache()
                        .mode())
                .isEqualTo("off");
    }

    @Test
    void aTextKeyInsideAFlowValueGetsTheTextAsWritten() {
        Scenario scenario = load(
                "agents.assistants[0].llm={baseUrl: 'http://127.0.0.1:1/v1', model: 0x10, cache: {mode: off}}",
                "agents.assistants[0].thinkTime={min: 20ms, max: 2s}");

        assertThat(scenario.agents().assistants().get(0).llm().cache().mode()).isEqualTo("off");
        assertThat(scenario.agents().assistants().get(0).llm().model()).isEqualTo("0x10");
    }

    @Test
    void numericAndBooleanKeysStillReadNumbersAndBooleans() {
        Scenario scenario =
                load("seed=0x10", "market.generate.customers=12", "agents.assistants[0].params.inquiries=no");

        assertThat(scenario.seed()).isEqualTo(16L);
        assertThat(scenario.market().generate().customers()).isEqualTo(12);
        // free-form parameters keep YAML's reading, as in the file
        assertThat(scenario.agents().assistants().get(0).params()).containsEntry("inquiries", false);
    }

    @Test
    void theFilesTextValuesKeepTheirTextWhenAnOverrideIsApplied() throws IOException {
        Files.writeString(file, ScenarioLoaderTest.VALID.replace("name: small", "name: off"));

        assertThat(ScenarioLoader.load(file).name()).isEqualTo("off");
        assertThat(load("seed=3").name()).isEqualTo("off");
    }
}
