package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A group of agents sharing a policy: its registered name, how many agents (default: the rest),
 * its parameters, its think time (default 10ms; a service's own {@code latency} wins), and optional
 * synthetic work per observation in iterations (for benchmarks), for the LLM policies the model
 * they use ({@code llm}), and for {@code policy: external} how its outside agent connects ({@code
 * external}, see {@link ExternalConfig}; inactive under any other policy, like {@code llm}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"policy", "count", "params", "thinkTime", "syntheticWork", "llm", "external"})
public record AgentGroupConfig(
        String policy,
        Integer count,
        Map<String, Object> params,
        ThinkTimeConfig thinkTime,
        Integer syntheticWork,
        LlmConfig llm,
        ExternalConfig external) {
    public AgentGroupConfig(
            String policy,
            Integer count,
            Map<String, Object> params,
            ThinkTimeConfig thinkTime,
            Integer syntheticWork) {
        this(policy, count, params, thinkTime, syntheticWork, null, null);
    }

    /** A group without an {@code external} section. */
    public AgentGroupConfig(
            String policy,
            Integer count,
            Map<String, Object> params,
            ThinkTimeConfig thinkTime,
            Integer syntheticWork,
            LlmConfig llm) {
        this(policy, count, params, thinkTime, syntheticWork, llm, null);
    }

    public AgentGroupConfig {
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("an agent group needs a policy");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        params = params == null ? Map.of() : new TreeMap<>(params);
        thinkTime = Objects.requireNonNullElse(thinkTime, ThinkTimeConfig.fixed("10ms"));
        if (syntheticWork != null && syntheticWork < 0) {
            throw new IllegalArgumentException("syntheticWork must be >= 0, was " + syntheticWork);
        }
    }

    public static AgentGroupConfig of(String policy) {
        return new AgentGroupConfig(policy, null, null, null, null, null, null);
    }

    public int syntheticWorkOrZero() {
        return syntheticWork == null ? 0 : syntheticWork;
    }
}
