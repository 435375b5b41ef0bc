package org.mercato.scenarios.llm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/** A 3 × 3 taco market of LLM agents pointed at a loopback scripted model. */
public final class LlmMarket {
    static final String KEY = "sk-test-SECRET-0123456789";

    private LlmMarket() {}

    /** The scenario YAML; {@code llmExtra} is added to both groups' llm sections. */
    static String yaml(MockWebServer server, String llmExtra) {
        return yaml(server.url("/v1").toString(), llmExtra);
    }

    /** The scenario YAML for a model at {@code baseUrl}. */
    public static String yaml(String baseUrl, String llmExtra) {
        String llm = "{baseUrl: '" + baseUrl + "', model: scripted, apiKeyEnv: MERCATO_TEST_KEY,"
                + (llmExtra.contains("timeout:") ? "" : " timeout: 5s,") + " backoff: 1ms"
                + (llmExtra.isEmpty() ? "" : ", " + llmExtra) + "}";
        return """
                name: llm-market
                seed: 5
                kernel: {networkDelay: 1ms, parallelism: 2}
                market:
                  services:
                    - {id: s1, menu: {Tacos: 9.50, Horchata: 3.00}, rating: 4.5}
                    - {id: s2, menu: {Tacos: 8.00}, rating: 4.0}
                    - {id: s3, menu: {Burrito: 7.00, Horchata: 2.50}, rating: 3.5}
                  customers:
                    - {id: c1, request: Tacos and a horchata, items: {Tacos: 1, Horchata: 1}, values: {Tacos: 10.00, Horchata: 3.50}}
                    - {id: c2, request: Two tacos, items: {Tacos: 2}, values: {Tacos: 10.00}}
                    - {id: c3, request: A burrito, items: {Burrito: 1}, values: {Burrito: 9.00}}
                agents:
                  assistants:
                    - policy: llm-assistant
                      thinkTime: 50ms
                      llm: %s
                  services:
                    - policy: llm-service
                      thinkTime: 100ms
                      llm: %s
                prices:
                  scripted: {input: 1.0, output: 2.0}
                """.formatted(llm, llm);
    }

    public static Scenario load(Path dir, String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "scenario", ".yaml");
        Files.writeString(file, yaml);
        return Mercato.load(file);
    }

    public static RunResult run(Path dir, Scenario scenario) throws IOException {
        return run(dir, scenario, Map.of("MERCATO_TEST_KEY", KEY));
    }

    /** The run with {@code env} as its environment. */
    public static RunResult run(Path dir, Scenario scenario, Map<String, String> env) throws IOException {
        return new ScenarioRunner(PolicyRegistry.builtIn(), dir.resolve("runs"), KernelListener.NONE, env::get)
                .run(scenario);
    }

    static String events(RunResult result) throws IOException {
        return Files.readString(result.eventLog());
    }
}
