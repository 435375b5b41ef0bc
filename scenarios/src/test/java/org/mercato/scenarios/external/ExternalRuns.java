package org.mercato.scenarios.external;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.ExternalConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.LlmCacheConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.ThinkTimeConfig;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;

/** Small markets with an external shopper group, run in this JVM with drivers on the real desk. */
final class ExternalRuns {
    static final ThinkTimeConfig THINK =
            ThinkTimeConfig.of(null, Duration.parse("20ms"), null, Duration.parse("300ms"), 0.7);

    private ExternalRuns() {}

    /**
     * {@code shoppers} customers in a group with {@code policy}, two more {@code rational} ones, and
     * {@code services} posted-price sellers, generated restaurants with {@code seed}.
     */
    static Scenario market(long seed, String policy, int shoppers, int services, ExternalConfig external) {
        return market(seed, policy, shoppers, services, external, KernelMode.ACTORS);
    }

    /** {@link #market} in the kernel {@code mode} (the bare loop: no actor system to start). */
    static Scenario market(
            long seed, String policy, int shoppers, int services, ExternalConfig external, KernelMode mode) {
        AgentGroupConfig group = new AgentGroupConfig(policy, shoppers, Map.of(), THINK, null, null, external);
        AgentGroupConfig rational = new AgentGroupConfig("rational", null, Map.of(), THINK, null);
        AgentGroupConfig sellers = new AgentGroupConfig("posted-price", null, Map.of(), THINK, null);
        return new Scenario(
                "external",
                null,
                seed,
                new KernelConfig(2, null, null, mode),
                new MarketConfig(new GeneratorConfig("restaurants", shoppers + 2, services, 1), null, null, null),
                new AgentsConfig(List.of(group, rational), List.of(sellers)));
    }

    /** Rational shoppers and {@code services} sellers in one group with {@code policy}, generated with {@code seed}. */
    static Scenario sellers(long seed, String policy, int services, KernelMode mode) {
        AgentGroupConfig shoppers = new AgentGroupConfig("rational", null, Map.of(), THINK, null);
        AgentGroupConfig group = new AgentGroupConfig(policy, null, Map.of(), THINK, null);
        return new Scenario(
                "external-sellers",
                null,
                seed,
                new KernelConfig(2, null, null, mode),
                new MarketConfig(new GeneratorConfig("restaurants", 4, services, 1), null, null, null),
                new AgentsConfig(List.of(shoppers), List.of(group)));
    }

    static ExternalConfig external(String timeout, String mode, String folder) {
        return new ExternalConfig(
                null, Duration.parse(timeout), null, mode == null ? null : new LlmCacheConfig(mode, folder));
    }

    /** The transcripts.jsonl lines of {@code scenario}, run as {@link #events} runs it. */
    static List<String> transcripts(
            Scenario scenario, PolicyRegistry registry, Function<ExternalFeature, List<AutoCloseable>> beside)
            throws Exception {
        List<String> started = new ArrayList<>();
        List<AutoCloseable> closing = new ArrayList<>();
        try (WiredRun wired = WiredRun.wire(scenario, RunEnvironment.of(registry))) {
            closing.addAll(beside.apply(wired.feature(ExternalFeature.class)));
            try (JsonlEventWriter writer = new JsonlEventWriter(new ByteArrayOutputStream())) {
                Simulation.run(wired.setup(), List.of(writer), KernelListener.NONE);
            }
            started.addAll(wired.transcripts().lines());
        } finally {
            for (AutoCloseable closeable : closing) {
                closeable.close();
            }
        }
        return started;
    }

    /** The events.jsonl of {@code scenario}, with what {@code beside} starts on its wired run (drivers) closed after. */
    static String events(
            Scenario scenario, PolicyRegistry registry, Function<ExternalFeature, List<AutoCloseable>> beside)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AutoCloseable> started = new ArrayList<>();
        try (WiredRun wired = WiredRun.wire(scenario, RunEnvironment.of(registry))) {
            started.addAll(beside.apply(wired.feature(ExternalFeature.class)));
            try (JsonlEventWriter writer = new JsonlEventWriter(out)) {
                Simulation.run(wired.setup(), List.of(writer), KernelListener.NONE);
            }
        } finally {
            for (AutoCloseable closeable : started) {
                closeable.close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
