package org.mercato.agents;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.mercato.agents.assistant.AttentionBoundedAssistant;
import org.mercato.agents.assistant.BudgetedAssistant;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.agents.assistant.NegotiatorAssistant;
import org.mercato.agents.assistant.RationalAssistant;
import org.mercato.agents.assistant.SatisficerAssistant;
import org.mercato.agents.assistant.SusceptibleAssistant;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmAssistantPolicy;
import org.mercato.agents.llm.LlmServicePolicy;
import org.mercato.agents.service.CostPlusService;
import org.mercato.agents.service.DynamicPricingService;
import org.mercato.agents.service.ListingRewrite;
import org.mercato.agents.service.NegotiableService;
import org.mercato.agents.service.PostedPriceService;
import org.mercato.agents.service.UndercutService;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Policies by name. Each built-in policy class declares its {@link PolicyEntry} (name, whether it
 * calls a model, its parameter keys and their parsing); this registry is the list of those entries,
 * and everything else about the built-ins (names, which are behavioural, which need a model) is
 * derived from it. A name that is not registered but looks like a class name ({@code
 * com.example.MyShopper}) is loaded from the classpath (see {@link PolicyClasses}); {@link
 * #withPlugins()} adds the policies of every {@link PolicyProvider} found by {@link ServiceLoader}.
 */
public final class PolicyRegistry {
    /** The built-in assistant policies: one line each. */
    private static final List<PolicyEntry<AssistantPolicy>> BUILT_IN_ASSISTANTS = List.of(
            RationalAssistant.ENTRY,
            SatisficerAssistant.ENTRY,
            BudgetedAssistant.ENTRY,
            LogitAssistant.ENTRY,
            AttentionBoundedAssistant.ENTRY,
            SusceptibleAssistant.ENTRY,
            NegotiatorAssistant.ENTRY,
            LlmAssistantPolicy.ENTRY);

    /** The built-in service policies: one line each. */
    private static final List<PolicyEntry<ServicePolicy>> BUILT_IN_SERVICES = List.of(
            PostedPriceService.ENTRY,
            CostPlusService.ENTRY,
            UndercutService.ENTRY,
            DynamicPricingService.ENTRY,
            NegotiableService.ENTRY,
            LlmServicePolicy.ENTRY);

    public static final String LLM_ASSISTANT = LlmAssistantPolicy.ENTRY.name();
    public static final String LLM_SERVICE = LlmServicePolicy.ENTRY.name();

    private final SortedMap<String, PolicyEntry<AssistantPolicy>> assistants = new TreeMap<>();
    private final SortedMap<String, PolicyEntry<ServicePolicy>> services = new TreeMap<>();

    public static PolicyRegistry builtIn() {
        PolicyRegistry registry = new PolicyRegistry();
        BUILT_IN_ASSISTANTS.forEach(registry::registerAssistant);
        BUILT_IN_SERVICES.forEach(registry::registerService);
        return registry;
    }

    /** The built-in policies plus those of every {@link PolicyProvider} on the classpath. */
    public static PolicyRegistry withPlugins() {
        return withPlugins(loader());
    }

    /** The built-in policies plus those of every {@link PolicyProvider} that {@code loader} sees. */
    public static PolicyRegistry withPlugins(ClassLoader loader) {
        PolicyRegistry registry = builtIn();
        for (PolicyProvider provider : ServiceLoader.load(PolicyProvider.class, loader)) {
            provider.register(registry);
        }
        return registry;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PolicyRegistry.class.getClassLoader();
    }

    /** A service group's manipulation tactic ({@code control} when not given). */
    public static Tactic tactic(PolicyParams params) {
        return Tactic.from(params);
    }

    /**
     * A service group's listing rewrite ({@code none} when not given; {@code keywords}: see {@link
     * ListingRewrite}), applied to the group's listings when the scenario is wired.
     */
    public static String rewrite(PolicyParams params) {
        return ListingRewrite.mode(params);
    }

    /**
     * Whether {@code name} is a built-in behavioural policy: one that never talks to a model, so an
     * {@code llm} section in its group is inactive (kept for when the group switches to an LLM policy).
     */
    public static boolean isBehaviouralBuiltIn(String name) {
        return builtIn(name).stream().anyMatch(entry -> !entry.llm());
    }

    /** Whether a registered name is one of the built-in LLM policies (which need an llm section). */
    public static boolean isLlmPolicy(String name) {
        return builtIn(name).stream().anyMatch(PolicyEntry::llm);
    }

    private static List<PolicyEntry<?>> builtIn(String name) {
        return Stream.concat(BUILT_IN_ASSISTANTS.stream(), BUILT_IN_SERVICES.stream())
                .filter(entry -> entry.name().equals(name))
                .<PolicyEntry<?>>map(entry -> entry)
                .toList();
    }

    /** Registers an assistant policy; an entry of the same name replaces the earlier one. */
    public void registerAssistant(PolicyEntry<AssistantPolicy> entry) {
        assistants.put(entry.name(), entry);
    }

    /** Registers a service policy; an entry of the same name replaces the earlier one. */
    public void registerService(PolicyEntry<ServicePolicy> entry) {
        services.put(entry.name(), entry);
    }

    /** A plugin's assistant policy whose factory checks its own parameters. */
    public void registerAssistant(String name, Function<PolicyParams, Supplier<AssistantPolicy>> factory) {
        registerAssistant(PolicyEntry.unchecked(name, false, factory));
    }

    /** A plugin's service policy whose factory checks its own parameters. */
    public void registerService(String name, Function<PolicyParams, Supplier<ServicePolicy>> factory) {
        registerService(PolicyEntry.unchecked(name, false, factory));
    }

    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params) {
        return assistant(name, params, null);
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params) {
        return service(name, params, null);
    }

    /** A group's policy factory; {@code llm} carries the group's model settings for LLM policies. */
    public Supplier<AssistantPolicy> assistant(String name, Map<String, ?> params, LlmAgentSettings llm) {
        return create("assistant", assistants, AssistantPolicy.class, name, params, llm);
    }

    public Supplier<ServicePolicy> service(String name, Map<String, ?> params, LlmAgentSettings llm) {
        return create("service", services, ServicePolicy.class, name, params, llm);
    }

    private static <P> Supplier<P> create(
            String role,
            SortedMap<String, PolicyEntry<P>> entries,
            Class<P> type,
            String name,
            Map<String, ?> params,
            LlmAgentSettings llm) {
        PolicyEntry<P> entry = entries.get(name);
        if (entry == null && PolicyClasses.isClassName(name)) {
            return PolicyClasses.load(role, name, type, params);
        }
        if (entry == null) {
            throw new UnknownPolicyException(role, name, entries.keySet());
        }
        return entry.create(new PolicyParams(name, params, llm));
    }

    /** The registered assistant policies, by name. */
    public Map<String, PolicyEntry<AssistantPolicy>> assistantEntries() {
        return Collections.unmodifiableSortedMap(assistants);
    }

    /** The registered service policies, by name. */
    public Map<String, PolicyEntry<ServicePolicy>> serviceEntries() {
        return Collections.unmodifiableSortedMap(services);
    }

    public Set<String> assistantNames() {
        return assistants.keySet();
    }

    public Set<String> serviceNames() {
        return services.keySet();
    }
}
