package org.mercato.agents;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mercato.agents.assistant.RationalAssistant;
import org.mercato.agents.assistant.SatisficerAssistant;
import org.mercato.agents.service.PostedPriceService;
import org.mercato.sim.domain.Money;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Behavioural policies by name. A factory checks a group's parameters once and returns a supplier
 * that makes one fresh policy instance per agent (policies keep per-agent state).
 */
public final class PolicyRegistry {
    private final SortedMap<String, Function<PolicyParams, Supplier<AssistantPolicy>>> assistants = new TreeMap<>();
    private final SortedMap<String, Function<PolicyParams, Supplier<ServicePolicy>>> services = new TreeMap<>();

    public static PolicyRegistry builtIn() {
        PolicyRegistry registry = new PolicyRegistry();
        registry.registerAssistant("rational", params -> {
            params.allowOnly("inquiries", "patience");
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            return () -> new RationalAssistant(k, patience);
        });
        registry.registerAssistant("satisficer", params -> {
            params.allowOnly("inquiries", "patience", "minUtility");
            int k = params.positiveInt("inquiries", 3);
            long patience = params.micros("patience", 5_000_000);
            long minUtility = Money.cents(params.doubleValue("minUtility", 0.01));
            return () -> new SatisficerAssistant(k, patience, minUtility);
        });
        registry.registerService("posted-price", params -> {
            params.allowOnly("validity");
            long validity = params.micros("validity", 600_000_000);
            return () -> new PostedPriceService(validity);
        });
        return registry;
    }

    public void registerAssistant(String name, Function<PolicyParams, Supplier<AssistantPolicy>> factory) {
        assistants.put(name, factory);
    }

    public void registerService(String name, Function<PolicyParams, Supplier<ServicePolicy>> factory) {
        services.put(name, factory);
    }

    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params) {
        var factory = assistants.get(name);
        if (factory == null) {
            throw new UnknownPolicyException("assistant", name, assistants.keySet());
        }
        return factory.apply(new PolicyParams(name, params));
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params) {
        var factory = services.get(name);
        if (factory == null) {
            throw new UnknownPolicyException("service", name, services.keySet());
        }
        return factory.apply(new PolicyParams(name, params));
    }

    public java.util.Set<String> assistantNames() {
        return assistants.keySet();
    }

    public java.util.Set<String> serviceNames() {
        return services.keySet();
    }
}
