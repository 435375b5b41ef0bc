package org.mercato.scenarios.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioLoaderTest;

class ScenarioValidatorTest {
    @TempDir
    Path dir;

    private ScenarioException failure(String text, String... overrides) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> ScenarioValidator.load(file, List.of(overrides), PolicyRegistry.builtIn()));
        assertThat(e).as("validation should fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void validScenarioPasses() {
        assertThatCode(() -> ScenarioValidator.load(Path.of("quickstart.yaml"), List.of(), PolicyRegistry.builtIn()))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownPolicyIsReportedAtItsLine() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("policy: rational", "policy: rationl"));

        assertThat(e.getMessage())
                .endsWith(
                        "scenario.yaml:12:15: agents.assistants[0].policy: unknown assistant policy 'rationl';"
                                + " known: [attention-bounded, budgeted, llm-assistant, logit, negotiator, rational, satisficer, susceptible] (did you mean 'rational'?)");
    }

    @Test
    void unknownServicePolicy() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("policy: posted-price", "policy: auction"));

        assertThat(e.getMessage()).contains(":18:15: agents.services[0].policy: unknown service policy 'auction'");
    }

    @Test
    void badPolicyParameterIsReportedAtTheParameter() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("inquiries: 3", "inquiries: 0"));

        assertThat(e.getMessage())
                .endsWith(":15:20: agents.assistants[0].params.inquiries: expected a whole number >= 1, got 0"
                        + " (policy 'rational')");
    }

    @Test
    void unknownPolicyParameterIsReportedAtItsKey() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("inquiries: 3", "inquries: 3"));

        assertThat(e.getMessage())
                .endsWith(":15:9: agents.assistants[0].params.inquries: unknown parameter; allowed: [inquiries,"
                        + " memory, patience] (policy 'rational')");
    }

    @Test
    void unknownTacticIsReportedAtTheParameter() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace(
                "policy: posted-price", "policy: posted-price\n      params: {tactic: flattery}"));

        assertThat(e.getMessage())
                .contains(":19:") // the params line
                .contains("agents.services[0].params.tactic: unknown tactic 'flattery'; known: [authority, control,"
                        + " loss-aversion, prompt-injection-basic, prompt-injection-strong, social-proof]"
                        + " (policy 'posted-price')");
    }

    @Test
    void groupCountsThatDoNotAddUp() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("count: 20", "count: 30"));

        assertThat(e.getMessage())
                .endsWith(":11:3: agents.assistants: assistant groups ask for 30 agents but the market has 20");
    }

    @Test
    void twoGroupsWithoutCountAreReportedAtTheirList() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID + "    - policy: posted-price\n");

        assertThat(e.getMessage()).endsWith(":17:3: agents.services: at most one service group may leave out count");
    }

    @Test
    void agentsWithoutAGroupAreReportedAtTheirList() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID.replace("count: 20", "count: 12"));

        assertThat(e.getMessage())
                .endsWith(":11:3: agents.assistants: 8 assistants have no group: give one group no count");
    }

    @Test
    void modelRewriteWithoutAnLlmSectionIsReportedAtTheRewriteParameter() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID + "      params: {rewrite: llm}\n");

        assertThat(e.getMessage())
                .contains(":19:")
                .endsWith(": agents.services[0].params.rewrite: 'llm' needs an llm section (baseUrl, model,"
                        + " ...) in the group");
    }

    @Test
    void anUnreadablePromptFileIsReportedAtThePromptKey() throws IOException {
        Path missing = dir.resolve("no-such-prompt.txt");
        ScenarioException e = failure(ScenarioLoaderTest.VALID
                .replace("policy: rational", "policy: llm-assistant")
                .replace(
                        "      params:\n        inquiries: 3\n",
                        "      llm: {baseUrl: 'http://127.0.0.1:9/v1', model: m, prompt: '" + missing + "'}\n"));

        assertThat(e.getMessage())
                .contains(":14:")
                .contains("agents.assistants[0].llm.prompt: cannot read the prompt file " + missing);
    }

    @Test
    void unknownMarketDomain() throws IOException {
        ScenarioException e =
                failure(ScenarioLoaderTest.VALID.replace("    customers: 20", "    domain: cafes\n    customers: 20"));

        assertThat(e.getMessage())
                .endsWith(
                        ":8:13: market.generate.domain: unknown market domain 'cafes'; known: [contractors, restaurants, retail]");
    }

    @Test
    void policyFromAnOverrideIsReportedAgainstTheOverride() throws IOException {
        ScenarioException e = failure(ScenarioLoaderTest.VALID, "agents.assistants[0].policy=greedy");

        assertThat(e.getMessage())
                .isEqualTo("--set agents.assistants[0].policy: unknown assistant policy 'greedy'; known:"
                        + " [attention-bounded, budgeted, llm-assistant, logit, negotiator, rational, satisficer,"
                        + " susceptible]");
    }

    @Test
    void scenarioBuiltInCodeIsReportedByKey() {
        var scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("agents.services[0].policy=auction"));

        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> new ScenarioValidator(PolicyRegistry.builtIn()).validate(scenario));

        assertThat(e.getMessage()).startsWith("scenario: agents.services[0].policy: unknown service policy 'auction'");
    }
}
