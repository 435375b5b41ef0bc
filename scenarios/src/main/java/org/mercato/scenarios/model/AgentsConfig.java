package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Agent groups. Assistant groups take customers in catalog order, {@code count} each (a group
 * without a count takes the rest); service groups do the same for services. {@code limits}: the
 * run's bounds on all its LLM agents together (see {@link RunLimitsConfig}; null: the defaults).
 */
@JsonPropertyOrder({"assistants", "services", "limits"})
public record AgentsConfig(
        List<AgentGroupConfig> assistants,
        List<AgentGroupConfig> services,
        @JsonInclude(JsonInclude.Include.NON_NULL) RunLimitsConfig limits) {
    public static final AgentsConfig DEFAULT = new AgentsConfig(null, null, null);

    public AgentsConfig {
        assistants = assistants == null || assistants.isEmpty()
                ? List.of(AgentGroupConfig.of("rational"))
                : List.copyOf(assistants);
        services = services == null || services.isEmpty()
                ? List.of(AgentGroupConfig.of("posted-price"))
                : List.copyOf(services);
    }

    /** Groups with the default run limits. */
    public AgentsConfig(List<AgentGroupConfig> assistants, List<AgentGroupConfig> services) {
        this(assistants, services, null);
    }

    /** The run's LLM limits, the defaults when the scenario gives none. */
    public RunLimitsConfig limitsOrDefault() {
        return limits == null ? RunLimitsConfig.DEFAULT : limits;
    }
}
