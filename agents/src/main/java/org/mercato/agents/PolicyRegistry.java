package org.mercato.agents;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mercato.agents.assistant.RationalAssistant;
import org.mercato.agents.assistant.SatisficerAssistant;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmAssistantPolicy;
import org.mercato.agents.llm.LlmServicePolicy;
import org.mercato.agents.service.PostedPriceService;
import org.mercato.sim.domain.Money;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Behavioural policies by name. A factory checks a group's parameters once and returns a supplier
 * that makes one fresh policy instance per agent (policies keep per-agent state).
 */
public final class PolicyRegistry {
    public static final String LLM_ASSISTANT = "llm-assistant";
    public static final String LLM_SERVICE = "llm-service";
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
        registry.registerAssistant(LLM_ASSISTANT, params -> {
            params.allowOnly();
            return () -> new LlmAssistantPolicy(params.llm());
        });
        registry.registerService(LLM_SERVICE, params -> {
            params.allowOnly("validity");
            long validity = params.micros("validity", 600_000_000);
            return () -> new LlmServicePolicy(params.llm(), validity);
        });
        return registry;
    }

    /** Whether a registered name is one of the built-in LLM policies (which need an llm section). */
    public static boolean isLlmPolicy(String name) {
        return LLM_ASSISTANT.equals(name) || LLM_SERVICE.equals(name);
    }

    public void registerAssistant(String name, Function<PolicyParams, Supplier<AssistantPolicy>> factory) {
        assistants.put(name, factory);
    }

    public void registerService(String name, Function<PolicyParams, Supplier<ServicePolicy>> factory) {
        services.put(name, factory);
    }

    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params) {
        return assistant(name, params, null);
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params) {
        return service(name, params, null);
    }

    /** A group's policy factory; {@code llm} carries the group's model settings for LLM policies. */
    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params, LlmAgentSettings llm) {
        var factory = assistants.get(name);
        if (factory == null) {
            throw new UnknownPolicyException("assistant", name, assistants.keySet());
        }
        return factory.apply(new PolicyParams(name, params, llm));
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params, LlmAgentSettings llm) {
        var factory = services.get(name);
        if (factory == null) {
            throw new UnknownPolicyException("service", name, services.keySet());
        }
        return factory.apply(new PolicyParams(name, params, llm));
    }

    public java.util.Set<String> assistantNames() {
        return assistants.keySet();
    }

    public java.util.Set<String> serviceNames() {
        return services.keySet();
    }
}
