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
import org.mercato.scenarios.load.ScenarioLoaderTest;

/** A returning shopper's {@code memory} parameter in a scenario: accepted, or refused at its line. */
class MemoryParamsValidationTest {
    @TempDir
    Path dir;

    private Path scenario(String params) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, ScenarioLoaderTest.VALID.replace("inquiries: 3", params));
        return file;
    }

    private String failure(String params) throws IOException {
        Path file = scenario(params);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()));
        assertThat(e).as("validation should fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }

    @Test
    void memoryRulesAreAcceptedWithDefaultsForKeysLeftOut() throws IOException {
        Path file = scenario("memory: {keep: 0.9, avoid: 0.4}");
        assertThatCode(() -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()))
                .doesNotThrowAnyException();
    }

    @Test
    void aBadMemoryValueIsReportedAtTheParameterNamingTheRule() throws IOException {
        assertThat(failure("memory: {keep: 0.9, weight: 0}"))
                .endsWith(":15:9: agents.assistants[0].params.memory: weight must lie in (0, 1], got 0.0"
                        + " (policy 'rational')");
        assertThat(failure("memory: {keep: 0.3}"))
                .endsWith("agents.assistants[0].params.memory: avoid must be at most keep, got avoid 0.5 > keep 0.3"
                        + " (policy 'rational')");
        assertThat(failure("memory: {forget: 0.3}"))
                .contains("agents.assistants[0].params.memory: unknown name 'forget'; allowed: [avoid, keep, weight]");
    }

    @Test
    void anLlmAssistantsMemoryIsANumberOfPastOrders() throws IOException {
        Path file = scenario("memory: 101");
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "policy: rational",
                                "policy: llm-assistant\n      llm: {baseUrl: 'http://127.0.0.1:9/v1', model: m}"));
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("agents.assistants[0].params.memory: expected a whole number of past orders from 0 to 100,"
                        + " got 101");
    }
}
