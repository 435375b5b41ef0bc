package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;

/** The llm section is checked when a scenario is loaded, with the file, line and column. */
class LlmConfigLoadTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            name: llm-config
            market:
              generate: {domain: restaurants, customers: 2, services: 2, itemsPerCustomer: 1}
            agents:
              assistants:
                - policy: llm-assistant
                  llm: LLM
            """;

    private Scenario load(String llm) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, BASE.replace("LLM", llm));
        return Mercato.load(file);
    }

    @Test
    void aWellFormedSectionGetsItsDefaults() throws IOException {
        var llm = load("{baseUrl: 'http://localhost:8000/v1', model: m}")
                .agents()
                .assistants()
                .get(0)
                .llm();
        assertThat(llm.provider()).isEqualTo("openai");
        assertThat(llm.temperature()).isZero();
        assertThat(llm.cache().mode()).isEqualTo("off");
        assertThat(llm.concurrency()).isEqualTo(8);
    }

    @Test
    void anthropicAndGeminiDefaultToTheVendorsEndpoint() throws IOException {
        var anthropic = load("{provider: anthropic, model: claude-x, apiKeyEnv: ANTHROPIC_API_KEY}")
                .agents()
                .assistants()
                .get(0)
                .llm();
        assertThat(anthropic.providerSettings().baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
        var gemini = load("{provider: gemini, model: g, baseUrl: 'http://127.0.0.1:9/v1beta'}")
                .agents()
                .assistants()
                .get(0)
                .llm();
        assertThat(gemini.providerSettings().baseUrl()).isEqualTo("http://127.0.0.1:9/v1beta");
        assertThat(gemini.providerSettings().identity().kind()).isEqualTo("gemini");
    }

    @Test
    void anUnknownProviderIsReportedWithTheChoices() {
        assertThatThrownBy(() -> load("{provider: mistral, baseUrl: 'http://x/v1', model: m}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("[openai, anthropic, gemini]");
    }

    @Test
    void anApiKeyInPlaceOfAVariableNameIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> load("{baseUrl: 'http://x/v1', model: m, apiKeyEnv: sk-live-abc123}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("llm.apiKeyEnv: is the name of an environment variable")
                .hasMessageNotContaining("sk-live-abc123");
    }

    @Test
    void anUnknownCacheModeIsReportedAtTheKey() {
        assertThatThrownBy(() -> load("{baseUrl: 'http://x/v1', model: m, cache: {mode: sometimes, folder: c}}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("off, record, replay or replay-strict");
    }

    @Test
    void replayNeedsAFolder() {
        assertThatThrownBy(() -> load("{baseUrl: 'http://x/v1', model: m, cache: {mode: replay}}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("needs a folder");
    }

    @Test
    void anLlmPolicyWithoutAnLlmSectionIsBadInput() throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, BASE.replace("      llm: LLM\n", ""));
        assertThatThrownBy(() -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:6:")
                .hasMessageContaining("needs an llm section");
    }

    @Test
    void aModelIsRequired() {
        assertThatThrownBy(() -> load("{baseUrl: 'http://x/v1'}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("llm.model: is required");
    }

    @Test
    void prefetchIsOnByDefaultAndAStrictBoolean() throws IOException {
        String base = "{baseUrl: 'http://x/v1', model: m";
        assertThat(load(base + "}").agents().assistants().get(0).llm().prefetch())
                .isTrue();
        assertThat(load(base + ", prefetch: false}")
                        .agents()
                        .assistants()
                        .get(0)
                        .llm()
                        .prefetch())
                .isFalse();
        assertThatThrownBy(() -> load(base + ", prefetch: sometimes}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("llm.prefetch: expected true or false, got 'sometimes'");
    }

    @Test
    void thePageKeysAreCheckedAtTheirKey() throws IOException {
        String base = "{baseUrl: 'http://x/v1', model: m";
        var llm = load(base + ", page: screenshot+text, viewport: 800x600, screenshots: {folder: shots}}")
                .agents()
                .assistants()
                .get(0)
                .llm();
        assertThat(llm.pageMode().label()).isEqualTo("screenshot+text");
        assertThat(llm.viewportSize().label()).isEqualTo("800x600");
        assertThat(load(base + "}")
                        .agents()
                        .assistants()
                        .get(0)
                        .llm()
                        .pageMode()
                        .label())
                .isEqualTo("text");
        assertThatThrownBy(() -> load(base + ", page: video}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.yaml:7:")
                .hasMessageContaining("llm.page: expected text, screenshot or screenshot+text, got 'video'");
        assertThatThrownBy(() -> load(base + ", page: screenshot, viewport: big}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("llm.viewport: expected WIDTHxHEIGHT such as 1280x800, got 'big'");
        assertThatThrownBy(() -> load(base + ", viewport: 9000x800}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("llm.viewport:");
        assertThatThrownBy(() -> load(base + ", screenshots: {}}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("llm.screenshots.folder: is required");
    }

    @Test
    void onlyAShopperIsShownScreenshots() throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(
                file,
                BASE.replace("llm: LLM", "llm: {baseUrl: 'http://x/v1', model: m}")
                        + "  services:\n    - policy: llm-service\n"
                        + "      llm: {baseUrl: 'http://x/v1', model: m, page: screenshot}\n");
        assertThatThrownBy(() -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("only a shopper (agents.assistants) is shown results pages");
    }
}
