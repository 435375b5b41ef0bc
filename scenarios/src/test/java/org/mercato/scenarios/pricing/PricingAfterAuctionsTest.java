package org.mercato.scenarios.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * Two features that run after the market (strategy auctions, then pricing) number their events on
 * from each other: the log's sequence numbers run 0, 1, 2, ... without a repeat.
 */
class PricingAfterAuctionsTest {
    @TempDir
    Path dir;

    @Test
    void pricingNumbersOnFromTheAuctionsEvents() throws IOException {
        Path file = Files.writeString(dir.resolve("both.yaml"), """
                name: both
                seed: 2
                market:
                  generate: {domain: restaurants, customers: 2, services: 2}
                  strategyAuction:
                    tasksPerCustomer: 1
                    bidders:
                      - {id: small, pricePerToken: 0.15, capability: 0.35}
                  pricing:
                    episodes: 1
                    policy: {beta: 1e-3}
                    convergence: {stable: 500}
                    logEvery: 1000
                """);
        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), dir.resolve("runs"), KernelListener.NONE)
                .run(ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()));

        List<String> lines = Files.readAllLines(result.eventLog());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(json.readTree(lines.get(i)).get("seq").asLong())
                    .as(lines.get(i))
                    .isEqualTo(i);
        }
        assertThat(lines).anyMatch(line -> line.contains("\"type\":\"auction\""));
        assertThat(lines).anyMatch(line -> line.contains("\"type\":\"pricing_episode\""));
    }
}
