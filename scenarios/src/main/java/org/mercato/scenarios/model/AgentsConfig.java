package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Agent groups. Assistant groups take customers in catalog order, {@code count} each (a group
 * without a count takes the rest); service groups do the same for services.
 */
@JsonPropertyOrder({"assistants", "services"})
public record AgentsConfig(List<AgentGroupConfig> assistants, List<AgentGroupConfig> services) {
    public static final AgentsConfig DEFAULT = new AgentsConfig(null, null);

    public AgentsConfig {
        assistants = assistants == null || assistants.isEmpty()
                ? List.of(AgentGroupConfig.of("rational"))
                : List.copyOf(assistants);
        services = services == null || services.isEmpty()
                ? List.of(AgentGroupConfig.of("posted-price"))
                : List.copyOf(services);
    }
}
