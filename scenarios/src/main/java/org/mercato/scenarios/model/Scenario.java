package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A scenario file: a name, the master seed, the kernel settings, the market, the agent groups and
 * what the run writes. Every section has defaults, so a scenario states only what it varies.
 * {@code prices}: per model, the price per million input and output tokens, for the cost block of
 * an LLM run's summary. {@code sweep}: the scenario's own sweep, for {@code mercato sweep}. {@code
 * gateway}: where outside agents connect ({@link GatewayConfig}; used only by {@code policy:
 * external} groups; null: loopback, any free port).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "seed", "kernel", "market", "agents", "gateway", "prices", "output", "sweep"
})
public record Scenario(
        String name,
        String description,
        Long seed,
        KernelConfig kernel,
        MarketConfig market,
        AgentsConfig agents,
        Map<String, LlmPrice> prices,
        OutputConfig output,
        SweepConfig sweep,
        GatewayConfig gateway) {

    /** A scenario with the default outputs, no LLM prices and no sweep. */
    public Scenario(
            String name, String description, Long seed, KernelConfig kernel, MarketConfig market, AgentsConfig agents) {
        this(name, description, seed, kernel, market, agents, null, null, null, null);
    }

    public Scenario {
        name = Objects.requireNonNullElse(name, "scenario");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "name must use only letters, digits, '.', '_' and '-', was '" + name + "'");
        }
        seed = Objects.requireNonNullElse(seed, 1L);
        kernel = Objects.requireNonNullElse(kernel, KernelConfig.DEFAULT);
        if (market == null) {
            throw new IllegalArgumentException("market is required");
        }
        agents = Objects.requireNonNullElse(agents, AgentsConfig.DEFAULT);
        output = Objects.requireNonNullElse(output, OutputConfig.DEFAULT);
        prices = prices == null || prices.isEmpty() ? null : new TreeMap<>(prices);
    }

    /** This scenario with another market section. */
    public Scenario withMarket(MarketConfig newMarket) {
        return new Scenario(name, description, seed, kernel, newMarket, agents, prices, output, sweep, gateway);
    }

    /** This scenario with other outputs and no sweep of its own (what one run of a sweep runs). */
    public Scenario withoutSweep(OutputConfig newOutput) {
        return new Scenario(name, description, seed, kernel, market, agents, prices, newOutput, null, gateway);
    }

    /** Where outside agents connect: the scenario's {@code gateway} section, or the defaults. */
    public GatewayConfig gatewayOrDefault() {
        return gateway == null ? GatewayConfig.DEFAULT : gateway;
    }
}
