package org.mercato.scenarios.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mercato.agents.PolicyRegistry;
import org.mercato.sim.protocol.Done;

/** Tiny markets for sweep tests: each cell runs in well under a second. */
final class SweepFixtures {
    private SweepFixtures() {}

    static final String BASE = String.join(
            "\n",
            "name: tiny",
            "seed: 7",
            "kernel:",
            "  mode: bare",
            "  networkDelay: 5ms",
            "market:",
            "  generate:",
            "    domain: restaurants",
            "    customers: 8",
            "    services: 4",
            "    itemsPerCustomer: 2",
            "  search:",
            "    mechanism: simple",
            "    pageSize: 4",
            "agents:",
            "  assistants:",
            "    - policy: rational",
            "      params:",
            "        inquiries: 2",
            "        patience: 30s",
            "      thinkTime: {min: 20ms, median: 200ms, sigma: 0.5}",
            "  services:",
            "    - policy: posted-price",
            "      thinkTime: {min: 50ms, max: 2s}",
            "");

    /** The base scenario plus an inline sweep section. */
    static Path scenarioWithSweep(Path dir, String sweepYaml) throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, BASE + "sweep:\n" + sweepYaml.indent(2));
        return file;
    }

    /** A 2 x 2 grid with 3 replicates: 12 cells. */
    static final String GRID = String.join(
            "\n",
            "design: grid",
            "factors:",
            "  agents.assistants[0].params.inquiries: [1, 3]",
            "  market.search.mechanism: [simple, lexical]",
            "replicates: 3");

    /** Built-in policies plus {@code flaky}, which throws on its first observation while {@code broken} is set. */
    static PolicyRegistry registry(AtomicBoolean broken) {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        registry.registerAssistant(
                "flaky",
                params -> () -> (observation, context) -> {
                    if (broken.get()) {
                        throw new IllegalStateException("the flaky policy is broken today");
                    }
                    return List.of(new Done("flaky"));
                });
        return registry;
    }
}
